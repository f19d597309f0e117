import type { ScalarName } from './schema-features.js';

/**
 * The names random schemas are built from, shared by the single-schema and the schema-pair
 * arbitraries so that both exercise the same quoting and naming cases.
 */
export const enumPool = ['OrderStatus', 'PriorityLevel', 'PaymentKind', 'Visibility'];
export const labelPool = ['PENDING', 'ACTIVE', 'ARCHIVED', 'LOW', 'HIGH', 'DRAFT', 'PUBLIC', 'PRIVATE'];
/** Lower-camel field names by scalar; neither they nor their snake_case are SQL keywords. */
export const fieldNames: Readonly<Record<ScalarName, readonly string[]>> = {
  ID: ['externalId', 'refId'],
  UUID: ['token', 'traceId'],
  String: ['title', 'email', 'notes', 'sku'],
  Int: ['quantity', 'rating', 'rank'],
  BigInt: ['views', 'sizeBytes'],
  Float: ['weight', 'ratio'],
  Decimal: ['price', 'amount', 'total'],
  Boolean: ['isActive', 'archived'],
  DateTime: ['createdAt', 'updatedAt'],
  Date: ['startsOn', 'dueDate'],
  Time: ['opensAt', 'cutoff'],
  JSON: ['payload', 'metadata'],
};
/** Fields whose column is renamed to a keyword via `@wes_column(name:)`, to exercise quoting. */
export const keywordColumns: readonly { readonly field: string; readonly column: string; readonly scalar: ScalarName }[] = [
  { field: 'sortOrder', column: 'order', scalar: 'Int' },
  { field: 'createdBy', column: 'user', scalar: 'String' },
  { field: 'groupName', column: 'group', scalar: 'String' },
];
export const pkScalars: readonly ScalarName[] = ['ID', 'UUID', 'Int', 'BigInt', 'String'];
export const numericScalars: ReadonlySet<ScalarName> = new Set(['Int', 'BigInt', 'Float', 'Decimal']);
/** BRIN has minmax operator classes for these. */
export const brinScalars: ReadonlySet<ScalarName> = new Set(['Int', 'BigInt', 'DateTime', 'Date']);
