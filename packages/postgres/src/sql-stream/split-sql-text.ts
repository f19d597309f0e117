import type { SqlTextItem } from './sql-item.js';
import { SqlLexer } from './sql-lexer.js';

/** {@link splitSql} for SQL already in memory: the same lexer, COPY data as one string. */
export function splitSqlText(text: string): SqlTextItem[] {
  const lexer = new SqlLexer();
  lexer.push(text);
  lexer.end();
  const items: SqlTextItem[] = [];
  let copy: { sql: string; line: number; data: string[] } | null = null;
  for (const event of lexer.drain()) {
    switch (event.kind) {
      case 'copy':
        copy = { sql: event.sql, line: event.line, data: [] };
        break;
      case 'copy-data':
        copy?.data.push(event.text);
        break;
      case 'copy-end':
        if (copy !== null) items.push({ kind: 'copy', sql: copy.sql, line: copy.line, data: copy.data.join('') });
        copy = null;
        break;
      default:
        items.push(event);
    }
  }
  return items;
}
