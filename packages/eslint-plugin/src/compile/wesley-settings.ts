import type { Rule } from 'eslint';

/**
 * `settings.wesley` of the flat config, shared by every Wesley rule so that they all see (and
 * compile) the same schema:
 *
 * ```js
 * settings: { wesley: { schema: ['schema/*.graphql'], scalars: { Email: 'citext' } } }
 * ```
 */
export interface WesleySettings {
  /**
   * The files of a schema that spans several (paths or globs, relative to ESLint's working
   * directory). A file they do not match is compiled alone. Absent: the `schema` of the project's
   * `wesley.config.*`, if it has one.
   */
  readonly schema?: readonly string[];
  /** Custom scalars and their PostgreSQL types. Absent: the `scalars` of the project's `wesley.config.*`. */
  readonly scalars?: Readonly<Record<string, string>>;
}

/**
 * The rule context's `settings.wesley`, checked: a wrong shape is a configuration error thrown
 * once, as ESLint reports a rule's invalid options, not a schema finding.
 */
export function wesleySettings(context: Rule.RuleContext): WesleySettings {
  const raw: unknown = (context.settings as { wesley?: unknown }).wesley ?? {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw settingsError('must be an object');
  const { schema, scalars } = raw as { schema?: unknown; scalars?: unknown };
  const patterns = typeof schema === 'string' ? [schema] : schema;
  if (patterns !== undefined && (!Array.isArray(patterns) || !patterns.every((p): p is string => typeof p === 'string' && p !== ''))) {
    throw settingsError('schema must be a path or glob, or a list of them');
  }
  if (
    scalars !== undefined &&
    (typeof scalars !== 'object' ||
      scalars === null ||
      Array.isArray(scalars) ||
      !Object.values(scalars).every((t) => typeof t === 'string'))
  ) {
    throw settingsError('scalars must map scalar names to PostgreSQL type names');
  }
  return {
    ...(patterns === undefined ? {} : { schema: patterns }),
    ...(scalars === undefined ? {} : { scalars: scalars as Record<string, string> }),
  };
}

function settingsError(what: string): Error {
  return new Error(`@wesley/eslint-plugin: settings.wesley: ${what} (docs/eslint.md#settings)`);
}
