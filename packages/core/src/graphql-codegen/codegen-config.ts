/** What the plugin writes: Wesley's row types, its Zod schemas, or both in one module. */
export type CodegenOutput = 'types' | 'zod' | 'both';

/**
 * The Wesley plugin's options in `codegen.yml` (or `codegen.ts`). GraphQL Code Generator hands
 * each plugin its output's shared `config` merged with the plugin's own, so keys meant for other
 * plugins (`scalars`, `enumsAsTypes`, ...) arrive here too and are ignored.
 */
export interface WesleyCodegenConfig {
  /** `'both'` (default): Zod schemas and types in one module; `'types'` or `'zod'` for one of them. */
  readonly output?: CodegenOutput;
  /**
   * PostgreSQL column types of custom scalars, e.g. `{ Email: 'citext', Money: 'numeric(12,2)' }`:
   * `compileSchema`'s `scalars` option. Not called `scalars`, because that key of a shared
   * `config` is `@graphql-codegen/typescript`'s map from scalars to TypeScript types.
   */
  readonly scalarColumnTypes?: Readonly<Record<string, string>>;
  /** Fail on warnings (deprecated directive spellings, ...) as `wesley generate --strict` does. */
  readonly strict?: boolean;
}

/** The options with their defaults applied. */
export interface ResolvedCodegenConfig {
  readonly output: CodegenOutput;
  readonly scalarColumnTypes: Readonly<Record<string, string>>;
  readonly strict: boolean;
}

const outputs: readonly CodegenOutput[] = ['types', 'zod', 'both'];

/**
 * Checks the Wesley keys of the config codegen passes (YAML gives no type safety) and applies
 * the defaults.
 * @throws Error naming the key when a value has the wrong shape.
 */
export function resolveCodegenConfig(config: unknown): ResolvedCodegenConfig {
  const raw: Readonly<Record<string, unknown>> = typeof config === 'object' && config !== null ? (config as Record<string, unknown>) : {};
  const output = raw['output'] ?? 'both';
  if (!outputs.includes(output as CodegenOutput)) {
    throw new Error(`Wesley: config.output must be one of ${outputs.map((o) => `'${o}'`).join(', ')}, got ${JSON.stringify(output)}`);
  }
  const scalarColumnTypes = raw['scalarColumnTypes'] ?? {};
  if (typeof scalarColumnTypes !== 'object' || scalarColumnTypes === null || Array.isArray(scalarColumnTypes)) {
    throw new Error('Wesley: config.scalarColumnTypes must map scalar names to PostgreSQL types, e.g. { Email: citext }');
  }
  for (const [name, type] of Object.entries(scalarColumnTypes)) {
    if (typeof type !== 'string') throw new Error(`Wesley: config.scalarColumnTypes.${name} must be a PostgreSQL type name (a string)`);
  }
  const strict = raw['strict'] ?? false;
  if (typeof strict !== 'boolean') throw new Error('Wesley: config.strict must be true or false');
  return { output: output as CodegenOutput, scalarColumnTypes: scalarColumnTypes as Record<string, string>, strict };
}
