import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ServerVersionRange, TableAssumption } from '@wesley/core/run';

/** A `server_version_num` with its major version, as both appear in a message: `PostgreSQL 15 (150018)`. */
const version = (versionNum: number) => `PostgreSQL ${Math.floor(versionNum / 10000)} (${versionNum})`;
const range = ({ minimum, below }: ServerVersionRange) => (below === null ? `${minimum} and later` : `${minimum} up to ${below - 1}`);

/**
 * WES170: a pending planned migration made for a server version whose answers (the
 * server-features table) differ from the server's: its SQL may not parse there, or its lock
 * claims not hold (planned for 18, `NOT NULL ... NOT VALID` is a syntax error on 15). Refused
 * before the run's first statement.
 */
export class ServerVersionMismatchError extends Error {
  readonly code = 'WES170';
  override readonly name = 'ServerVersionMismatchError';
  readonly migration: string;
  readonly help: string;

  constructor(migration: string, planned: number, assumed: ServerVersionRange, server: number) {
    super(
      `migration ${migration} was planned for ${version(planned)} and holds for server_version_num ${range(assumed)}, ` +
        `but this server is ${version(server)}: nothing was run`,
    );
    this.migration = migration;
    this.help =
      `plan it again for this server (wesley plan --server-version ${Math.floor(server / 10000)}, or serverVersion in the config) ` +
      `before anything of it runs, or run it on the server it was planned for`;
  }
}

/**
 * `wesley plan` as a help line that asks to plan again names it: the caller says how the user runs
 * it (with the config they gave); without, any config, or schema files instead.
 */
export const anyPlanCommand = 'wesley plan --config <config file>';

/** The `wesley plan` command line that plans `out` again from `from`. */
const replan = (planCommand: string, from: string, out: string) =>
  `${planCommand} --from ${from} --out ${out}${planCommand === anyPlanCommand ? ' (or --to <schema files> instead of --config)' : ''}`;

/** A path as the user would type it: relative to the working directory when inside it. */
const shown = (file: string) => {
  const relative = path.relative(process.cwd(), file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
};

/** A table fact the plan assumed that the database contradicts. */
export interface FactMismatch {
  readonly assumed: TableAssumption;
  readonly exists: boolean;
  readonly partitioned: boolean;
}

const fact = (table: { readonly exists: boolean; readonly partitioned: boolean }) =>
  !table.exists ? 'does not exist' : table.partitioned ? 'exists and is partitioned' : 'exists and is not partitioned';

/**
 * WES171: a planned migration whose assumed table facts (exists, partitioned) differ from the
 * catalog right before it starts: its steps were made for another table (a plain `CREATE INDEX`
 * on a table that became partitioned locks every partition). Refused before its first statement.
 */
export class AssumedFactError extends Error {
  readonly code = 'WES171';
  override readonly name = 'AssumedFactError';
  readonly migration: string;
  readonly mismatches: readonly FactMismatch[];
  readonly help: string;

  /** `migration.path`: its `plan.json`, whose directory the plan written again replaces. */
  constructor(
    migration: { readonly name: string; readonly path: string },
    mismatches: readonly FactMismatch[],
    planCommand: string = anyPlanCommand,
  ) {
    const each = mismatches.map((m) => `table ${m.assumed.name} ${fact(m)}, but the plan assumed it ${fact(m.assumed)}`);
    super(`migration ${migration.name} was planned for another database: ${each.join('; ')}; nothing of it was run`);
    this.migration = migration.name;
    this.mismatches = mismatches;
    this.help =
      `plan ${migration.name} again from the database as it is now: ${replan(planCommand, '<database url>', shown(path.dirname(migration.path)))}, ` +
      'or put the table back as the plan assumed';
  }
}

/** A migration and the schema it leads to, by its `to` hash. */
export interface ChainLink {
  readonly name: string;
  /** The migration's `plan.json`, when it is a file of this directory. */
  readonly path: string | null;
  readonly to: string;
}

const short = (hash: string) => `${hash.slice(0, 19)}…`;
/**
 * WES172: a planned migration that does not start where the database will be when it runs: the
 * migration before it (applied, or pending before it in this run) leads to another schema. Two
 * plans made on parallel branches from one base are the usual cause: applied one after the
 * other, they leave a schema neither branch described. Refused before the run's first statement.
 */
export class PlanChainError extends Error {
  readonly code = 'WES172';
  override readonly name = 'PlanChainError';
  readonly migration: string;
  readonly help: string;

  constructor(
    migration: { readonly name: string; readonly path: string; readonly from: string },
    previous: ChainLink,
    applied: boolean,
    planCommand: string = anyPlanCommand,
  ) {
    super(
      `migration ${migration.name} starts from schema ${short(migration.from)}, but ${previous.name}, ` +
        `${applied ? 'applied before it' : 'which runs before it'}, leads to ${short(previous.to)}: ` +
        `${migration.name} was planned from another base (a parallel branch?); nothing was run`,
    );
    this.migration = migration.name;
    const out = shown(path.dirname(migration.path));
    const baseline = previous.path === null ? null : path.join(path.dirname(previous.path), 'ir.json');
    this.help =
      baseline !== null && existsSync(baseline)
        ? `plan ${migration.name} again onto ${previous.name}: ${replan(planCommand, shown(baseline), out)}`
        : applied
          ? `plan ${migration.name} again from the database, where ${previous.name} left it: ${replan(planCommand, '<database url>', out)}`
          : `move ${migration.name} out of the directory, apply ${previous.name} (wesley migrate), then plan ${migration.name} again from the database: ${replan(planCommand, '<database url>', out)}`;
  }
}
