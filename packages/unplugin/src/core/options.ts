import type { FilterPattern } from 'unplugin';

/** Options of `@wesley/unplugin`, the same for every bundler. */
export interface Options {
  /**
   * The schema files: globs (relative to the working directory, or starting with `**`) or
   * regular expressions, matched against absolute paths. Default: every `.graphql` file.
   */
  readonly include?: FilterPattern | undefined;
  /** Files that `include` matches but that are not Wesley schemas (GraphQL operations, say). */
  readonly exclude?: FilterPattern | undefined;
  /**
   * Custom scalars and their PostgreSQL types, as the compiler takes them
   * (`{ Email: 'citext', Money: 'numeric(12,2)' }`).
   */
  readonly scalars?: Readonly<Record<string, string>> | undefined;
  /**
   * A `wesley.config.{json,mjs,ts}` (relative to the bundler's root) whose `scalars` and `rls`
   * settings the plugin uses, so the bundle and the `wesley` commands compile the schema alike
   * (the session settings a tenant table exports come from `rls`); `scalars` given here
   * too override it name by name. Read with `@wesley/config` (a dependency, loaded only with this
   * option); an edit of the config rebuilds (or hot-updates) the schema modules.
   */
  readonly config?: string | undefined;
  /**
   * Write the declaration file `<name>.d.graphql.ts` beside each schema the build loads, so
   * `tsc` (with `allowArbitraryExtensions`) sees the module's types. Default `true`.
   */
  readonly sidecar?: boolean | undefined;
}

/** The default `include`: `.graphql` files (a query such as vite dev's `?import` is allowed too). */
export const defaultInclude: FilterPattern = /\.graphql$/;
