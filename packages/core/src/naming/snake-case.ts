/**
 * `OrderLine` -> `order_line`, `createdAt` -> `created_at`, `HTTPServer` -> `http_server`,
 * `line2Total` -> `line2_total`. Already snake_cased names are unchanged.
 */
export function snakeCase(name: string): string {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[-\s]+/g, '_')
    .toLowerCase();
}
