/**
 * `OrderLine` -> `order_line`, `createdAt` -> `created_at`, `HTTPServer` -> `http_server`,
 * `line2Total` -> `line2_total`. Already snake_cased names are unchanged.
 */
export function snakeCase(name: string): string {
  let cached = cache.get(name);
  if (cached === undefined) {
    if (cache.size >= cacheLimit) cache.clear();
    cached = convert(name);
    cache.set(name, cached);
  }
  return cached;
}

/** Schemas repeat the same field names across tables; a small memo saves the regex work. */
const cache = new Map<string, string>();
const cacheLimit = 10_000;

function convert(name: string): string {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[-\s]+/g, '_')
    .toLowerCase();
}
