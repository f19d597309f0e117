import path from 'node:path';
import { z } from 'zod';
import { parseMigrationWindow } from './migration-window.js';
import { parseUsageWindow } from './usage-window.js';

/** Relative, and inside the config's directory once normalised: the paths stay the project's own. */
function insideDirectory(value: string): boolean {
  if (path.posix.isAbsolute(value) || path.win32.isAbsolute(value)) return false;
  const normalized = path.posix.normalize(value.replaceAll('\\', '/'));
  return normalized !== '..' && !normalized.startsWith('../');
}

const relativePath = z
  .string()
  .min(1, 'must not be empty')
  .refine(insideDirectory, "must be a relative path inside the config file's directory");

/** A glob character: such a schema entry is a pattern, not one file. */
const globCharacters = /[*?[\]{}()!]/;

const environmentVariable = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be the name of an environment variable (such as DATABASE_URL), not a URL or a value');

// A custom setting PostgreSQL accepts in set_config: a dotted name (`app.tenant_id`). Written into
// the policies as a string literal, so nothing else may be in it.
const sessionSetting = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*)+$/, 'must be a dotted setting name, such as "app.tenant_id"');

/** A PostgreSQL major version (`15`): the planner's choices depend on the major version alone. */
const serverVersion = z
  .number({ error: 'must be a PostgreSQL major version, such as 15' })
  .int('must be a PostgreSQL major version, such as 15')
  .min(10, 'must be a PostgreSQL major version, such as 15');

const database = z.strictObject({
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'must start with a letter and hold only letters, digits, - and _'),
  urlEnv: environmentVariable.optional(),
  /** The PostgreSQL major version this database runs (default: the config's `serverVersion`). */
  serverVersion: serverVersion.optional(),
});

/**
 * The shape of `wesley.config.*` (what users write, before defaults). Unknown fields are
 * errors, so a typo is reported rather than ignored.
 */
export const wesleyConfigSchema = z
  .strictObject({
    $schema: z.string().optional(),
    /** Schema files or globs, relative to the config's directory. */
    schema: z.union([relativePath, z.array(relativePath).min(1, 'must name at least one file or glob')], {
      error: 'must be a schema file or glob, or a list of them',
    }),
    /** Where `generate` writes (default `generated`). */
    outDir: relativePath.optional(),
    /** The migrations directory (default `migrations`). */
    migrations: relativePath.optional(),
    /** Also write the `.d.graphql.ts` declaration beside the (single) schema file. */
    dts: z.boolean().optional(),
    /** The databases this schema is migrated into; one `DATABASE_URL` database when absent. */
    databases: z.array(database).min(1, 'must list at least one database').optional(),
    /** The PostgreSQL major version the databases run, which `plan` plans for (default: the newest, 18). */
    serverVersion: serverVersion.optional(),
    /** The name of the migration advisory lock (default `wesley`). */
    lockName: z.string().min(1, 'must not be empty').optional(),
    /** How far back `migrate` looks for queries still using what a step drops or renames (`7d`); no usage gate without it. */
    usageWindow: z
      .string()
      .refine((text) => parseUsageWindow(text) !== null, 'must be a number of minutes, hours, days or weeks, such as "7d" or "12h"')
      .optional(),
    /** When `migrate` may run backfill, validate and contract steps (`"Mon-Fri 01:00-05:00 Europe/Berlin"`); any time without it. */
    windows: z
      .array(
        z.string().superRefine((text, context) => {
          const window = parseMigrationWindow(text);
          if (typeof window === 'string') context.addIssue({ code: 'custom', message: window });
        }),
      )
      .min(1, 'must list at least one window, such as "Mon-Fri 01:00-05:00 Europe/Berlin"; leave it out to run at any time')
      .optional(),
    /** Pause backfill batches while a replica's replay lag is over this many milliseconds. */
    maxReplicaLagMs: z.number().int('must be a whole number of milliseconds').positive('must be more than 0').optional(),
    /**
     * Read replica lag as the age of a heartbeat on a replica (`urlEnv` names its URL's variable),
     * which a writer on the primary keeps at `now()`, instead of from `pg_stat_replication`.
     */
    heartbeat: z
      .strictObject({
        urlEnv: environmentVariable,
        table: z.string().regex(/^[^.\s]+(\.[^.\s]+)?$/, 'must be a table, or schema.table'),
        column: z.string().min(1, 'must name the column that holds the time of the last beat'),
      })
      .optional(),
    /** Pause backfill batches while more sessions than this are running a query. */
    maxActiveSessions: z.number().int('must be a whole number of sessions').positive('must be more than 0').optional(),
    /** How long each backfill batch aims to hold its row locks; batches grow and shrink towards it (default 100). */
    batchTargetMs: z.number().int('must be a whole number of milliseconds').positive('must be more than 0').optional(),
    /** The smallest backfill batch, in rows (default 100). */
    batchMinRows: z.number().int('must be a whole number of rows').positive('must be more than 0').optional(),
    /** The largest backfill batch, in rows (default 100000). */
    batchMaxRows: z.number().int('must be a whole number of rows').positive('must be more than 0').optional(),
    /** Custom scalars and their PostgreSQL types (`{ "Email": "citext" }`); they may override the built-in ones. */
    scalars: z
      .record(
        z.string().regex(/^[_A-Za-z][_0-9A-Za-z]*$/, 'must be a GraphQL scalar name'),
        z.string().trim().min(1, 'must be a PostgreSQL type, such as "text" or "numeric(12,2)"'),
      )
      .optional(),
    /** The session settings row-level security policies compare with (docs/rls.md); the compiler's defaults when absent. */
    rls: z
      .object({
        /** Compared with the `@wes_tenant(by:)` column; `app.tenant_id` by default. */
        tenantSetting: sessionSetting.optional(),
        /** Compared with the `@wes_owner(column:)` column; `app.user_id` by default. */
        userSetting: sessionSetting.optional(),
      })
      .strict()
      .optional(),
  })
  .superRefine((config, context) => {
    const schema = typeof config.schema === 'string' ? [config.schema] : config.schema;
    const single = schema.length === 1 && !globCharacters.test(schema[0] ?? '');
    if (config.dts === true && !single) {
      context.addIssue({ code: 'custom', path: ['dts'], message: 'needs `schema` to name exactly one file, not a glob or a list' });
    }
    if (config.batchMinRows !== undefined && config.batchMaxRows !== undefined && config.batchMinRows > config.batchMaxRows) {
      context.addIssue({ code: 'custom', path: ['batchMinRows'], message: `must not be above batchMaxRows (${config.batchMaxRows})` });
    }
    const seen = new Set<string>();
    config.databases?.forEach((entry, index) => {
      if (seen.has(entry.name))
        context.addIssue({ code: 'custom', path: ['databases', index, 'name'], message: `'${entry.name}' is listed twice` });
      seen.add(entry.name);
    });
  });

/** A config as written in `wesley.config.*` (the input of {@link defineConfig}). */
export type WesleyConfigInput = z.input<typeof wesleyConfigSchema>;
