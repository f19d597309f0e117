/**
 * Query parameters a bundler adds to a plain module request: vite dev marks imports of
 * non-JavaScript files with `?import` and cache-busts with `?t=` / `?v=`. Any other query
 * (`?raw`, `?url`, `?inline`) asks for something else than the schema module.
 */
const moduleQueries: ReadonlySet<string> = new Set(['import', 't', 'v']);

/** The file path of a module id (`/app/schema.graphql?import` -> `/app/schema.graphql`), or `null` when the query asks for something else. */
export function schemaFile(id: string): string | null {
  const at = id.search(/[?#]/);
  if (at === -1) return id;
  if (id[at] === '#') return id.slice(0, at);
  const query = new URLSearchParams(id.slice(at + 1).replace(/#.*$/, ''));
  for (const key of query.keys()) if (!moduleQueries.has(key)) return null;
  return id.slice(0, at);
}
