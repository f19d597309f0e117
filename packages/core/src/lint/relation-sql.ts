import { quoteIdent } from '../naming/quote-ident.js';

/** A folded `schema.table` as SQL: `"t"` in public (as the statement most likely wrote it), `"s"."t"` elsewhere. */
export function relationSql(name: string): string {
  const dot = name.indexOf('.');
  const schema = name.slice(0, dot);
  const table = name.slice(dot + 1);
  return schema === 'public' ? quoteIdent(table) : `${quoteIdent(schema)}.${quoteIdent(table)}`;
}

/** The table's own name, without its schema. */
export function relationBaseName(name: string): string {
  return name.slice(name.indexOf('.') + 1);
}
