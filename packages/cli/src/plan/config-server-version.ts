import type { WesleyConfig } from '@wesley/config';
import { serverVersionRange } from '@wesley/core/run';
import { PlanInputError } from './plan-input-error.js';

/**
 * The `server_version_num` `wesley plan` plans for from a config's databases (`serverVersion`,
 * a major version), or `null` when none names one. Every database of a config gets the same
 * migrations, so their versions must be right for one plan (the planner answers alike for
 * them: `serverVersionRange`); the plan is then made for the oldest.
 *
 * @throws PlanInputError when two of them need different plans.
 */
export function configServerVersion(config: WesleyConfig): number | null {
  const named = config.databases.flatMap((database) =>
    database.serverVersion === null ? [] : [{ name: database.name, version: database.serverVersion * 10000 }],
  );
  const [oldest] = [...named].sort((a, b) => a.version - b.version);
  if (oldest === undefined) return null;
  const range = serverVersionRange(oldest.version);
  const other = named.find(({ version }) => range.below !== null && version >= range.below);
  if (other !== undefined) {
    throw new PlanInputError(
      `databases ${oldest.name} (PostgreSQL ${oldest.version / 10000}) and ${other.name} (PostgreSQL ${other.version / 10000}) ` +
        `of ${config.file} need different plans, but they share one migrations directory`,
      'give each version its own config (and migrations directory), or plan for one with --server-version: migrate refuses the plan on the other (WES170)',
    );
  }
  return oldest.version;
}
