import { quoteIdent, quoteLiteral } from '../naming/quote-ident.js';
import type { EnumIR } from '../ir/types.js';

/** `CREATE TYPE name AS ENUM (...)`, one label per line in declaration order. */
export function createEnumSql(enumType: EnumIR): string {
  const lines = [`CREATE TYPE ${quoteIdent(enumType.name)} AS ENUM (`];
  const last = enumType.values.length - 1;
  enumType.values.forEach((label, i) => {
    lines.push(`    ${quoteLiteral(label)}${i < last ? ',' : ''}`);
  });
  lines.push(');');
  return lines.join('\n');
}
