/**
 * The options of the `@wesley/nx` plugin in `nx.json`:
 * `{ "plugin": "@wesley/nx", "options": { "migrateTargetName": "db-migrate" } }`. Each names one
 * inferred target; with several databases, the per-database targets are `<name>-<database>`.
 */
export interface WesleyPluginOptions {
  readonly generateTargetName?: string;
  readonly planTargetName?: string;
  /** `lint` by default: rename it where another plugin (`@nx/eslint`) infers a `lint` target too. */
  readonly lintTargetName?: string;
  readonly migrateTargetName?: string;
  readonly driftTargetName?: string;
  readonly statusTargetName?: string;
  readonly usageTargetName?: string;
}

/** {@link WesleyPluginOptions} with every name filled in. */
export type TargetNames = { readonly [K in keyof WesleyPluginOptions]-?: string };

/** The target names, the defaults (`generate`, `plan`, `lint`, `migrate`, `drift`, `status`, `usage`) where not set. */
export function targetNames(options: WesleyPluginOptions | undefined): TargetNames {
  return {
    generateTargetName: options?.generateTargetName ?? 'generate',
    planTargetName: options?.planTargetName ?? 'plan',
    lintTargetName: options?.lintTargetName ?? 'lint',
    migrateTargetName: options?.migrateTargetName ?? 'migrate',
    driftTargetName: options?.driftTargetName ?? 'drift',
    statusTargetName: options?.statusTargetName ?? 'status',
    usageTargetName: options?.usageTargetName ?? 'usage',
  };
}
