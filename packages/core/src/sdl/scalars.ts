/**
 * Built-in scalars and their PostgreSQL types (docs/directives.md#types-and-naming). Config may
 * add or override.
 */
export const builtinScalars: Readonly<Record<string, string>> = {
  ID: 'uuid',
  UUID: 'uuid',
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Float: 'double precision',
  Decimal: 'numeric',
  Boolean: 'boolean',
  DateTime: 'timestamp with time zone',
  Date: 'date',
  Time: 'time without time zone',
  JSON: 'jsonb',
};
