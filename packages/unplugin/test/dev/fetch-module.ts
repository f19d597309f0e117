/** A module as the dev server serves it to the browser: the HTTP status and the transformed code. */
export interface ServedModule {
  readonly url: string;
  readonly status: number;
  readonly code: string;
}

/** Requests `url` (a path such as `/main.ts?t=1`) from the dev server at `origin`, as the browser would. */
export async function fetchModule(origin: string, url: string): Promise<ServedModule> {
  const response = await fetch(new URL(url, origin));
  return { url, status: response.status, code: await response.text() };
}

/**
 * The URL that `importer` (transformed code) imports `file` from: the dev server rewrites it, e.g.
 * `./schema.graphql` to `/schema.graphql?import&t=1700000000000` after an update.
 */
export function importUrl(importer: ServedModule, file: string): string {
  const quoted = /\bimport\s[^'"]*?['"]([^'"]+)['"]/g;
  for (const match of importer.code.matchAll(quoted)) {
    const url = match[1]!;
    if (url.split('?')[0]!.endsWith(`/${file}`)) return url;
  }
  throw new Error(`${importer.url} does not import ${file}:\n${importer.code}`);
}
