import { access } from 'node:fs/promises';
import path from 'node:path';
import { hashIR, type SchemaIR } from '@wesley/core';
import { detectDrift, listMigrationFiles, readPlanFile, resolveMigration, type MigrationFile } from '@wesley/postgres';
import { withDatabase } from '../../database/index.js';
import { exitCodes } from '../../exit-codes.js';
import { describeFailure, writeFailure } from '../../failure/index.js';
import { readIrJson } from '../../plan/read-ir-json.js';
import { nodeSha256 } from '../../node-sha256.js';
import { UsageError } from '../../usage-error.js';
import { commandConfig } from '../command-config.js';
import type { CommandRun } from '../define-command.js';
import { commandMigrationsDirectory, migrationLockFlag } from './migrate-run-flags.js';
import type { resolveOptions } from './resolve-options.js';

const name = 'migrate resolve';

/** Runs `wesley migrate resolve <name> --applied | --rolled-back`. */
export const runResolve: CommandRun<typeof resolveOptions> = async (values, context, [migration = '']) => {
  if ((values.applied === true) === (values['rolled-back'] === true)) throw new UsageError('give one of --applied and --rolled-back', name);
  const as = values.applied === true ? 'applied' : 'rolled-back';
  let url: string | null = null;
  try {
    const lockOptions = migrationLockFlag(values, name);
    const config = await commandConfig(values.config, context.cwd);
    const directory = await commandMigrationsDirectory(values, config, context.cwd, name);
    const expected = await expectedSchema(await listMigrationFiles(directory), migration, as, context.cwd);
    return await withDatabase(name, { ...values, config }, context, context.stdout, async (target) => {
      url = target.url;
      const result = await resolveMigration({
        url: target.url,
        directory,
        migration,
        as,
        check: async (session) => {
          if (expected.ir === null) return null;
          const report = await detectDrift(session, expected.ir);
          return report.findings.map((finding) => finding.message);
        },
        lock: lockOptions(config),
      });
      if (expected.ir === null) context.stderr.write(`wesley ${name}: warning (WES184): the database was not checked: ${expected.why}\n`);
      else context.stdout.write(`wesley ${name}: the database matches ${expected.why}\n`);
      context.stdout.write(`wesley ${name}: recorded ${migration} as ${as} (was ${result.previous ?? 'not in the ledger'})\n`);
      return exitCodes.ok;
    });
  } catch (error) {
    return writeFailure(context, name, describeFailure(error, url));
  }
};

/**
 * The schema the database must be for `as`, with what it is (for the message), or `null` and why
 * it cannot be known: `applied`, the `ir.json` beside the migration's `plan.json`; `rolled-back`,
 * that of the planned migration before it, or the empty schema when it is the first migration.
 * The IR must hash to the plan's own `to` or `from`, so that it is the schema the plan was made for.
 */
async function expectedSchema(
  files: readonly MigrationFile[],
  migration: string,
  as: 'applied' | 'rolled-back',
  cwd: string,
): Promise<{ ir: SchemaIR | null; why: string }> {
  const index = files.findIndex((file) => file.name === migration);
  const file = files[index];
  if (file === undefined) return { ir: null, why: `${migration} is not in the migrations directory` };
  if (file.kind === 'sql') return { ir: null, why: `${migration} is a SQL migration, which records no schema to compare with` };
  const plan = await readPlanFile(file.path);
  const hash = as === 'applied' ? plan.to : plan.from;
  const source = as === 'applied' ? file : files[index - 1];
  if (source === undefined) {
    const empty: SchemaIR = { kind: 'schema', version: 1, enums: [], tables: [] };
    return hashIR(empty, nodeSha256) === hash
      ? { ir: empty, why: 'the empty schema it starts from' }
      : { ir: null, why: `${migration} is the first migration but its plan does not start from the empty schema` };
  }
  const irFile = source.kind === 'plan' ? path.join(path.dirname(source.path), 'ir.json') : null;
  const found =
    irFile !== null &&
    (await access(irFile).then(
      () => true,
      () => false,
    ));
  if (irFile === null || !found) {
    return { ir: null, why: `${source.name} has no ir.json (written by 'wesley plan --config --out') to compare with` };
  }
  const ir = (await readIrJson(irFile, cwd, name)).ir;
  if (ir === null || hashIR(ir, nodeSha256) !== hash) {
    return { ir: null, why: `${path.relative(cwd, irFile)} is not the schema the plan ${as === 'applied' ? 'leads to' : 'starts from'}` };
  }
  return { ir, why: `${path.relative(cwd, irFile)}, the schema ${migration} ${as === 'applied' ? 'leads to' : 'starts from'}` };
}
