import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSql, splitSqlText, type SqlTextItem } from '../../src/sql-stream/index.js';
import { byteChunks, collectItems } from './collect-items.js';

const runs = Number(process.env.WESLEY_PROPERTY_RUNS ?? 200);

/** Text for inside quotes: what makes splitting hard (`;`, quotes, `$`, backslashes, line breaks, non-ASCII). */
const content = fc
  .array(fc.constantFrom('a', 'Z', ' ', ';', "'", '"', '$', '$$', '\\', '\n', '\r\n', '-', '-', '/', '*', '(', ')', 'ı', '€', '😀', 'e'), {
    maxLength: 12,
  })
  .map((parts) => parts.join(''));
const noNewline = content.map((text) => text.replace(/[\r\n]/g, ' '));

// Tokens that end where the splitter must see them end.
const identifier = fc.constantFrom('a', 'tbl', 'x1', 'a$b', 'ı', 'BEGIN', 'end', 'Case', 'from', 'stdin', 'e', 'u');
const number = fc.constantFrom('1', '42', '1.5', '1e-3', '.5');
const operator = fc.constantFrom('+', '-', '=', '<>', '::', ',', '.', '[1:2]', ':v');
const string = content.map((text) => `'${text.replace(/'/g, "''")}'`);
const escapeString = content.map((text) => `E'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`);
const quotedIdentifier = content.filter((text) => text.length > 0).map((text) => `"${text.replace(/"/g, '""')}"`);
const dollarQuoted = fc
  .tuple(fc.constantFrom('', '_', 'tag', 'ı'), content)
  .map(([tag, body]) => ({ delimiter: `$${tag}$`, body }))
  .filter(({ delimiter, body }) => !`${body}$`.includes(delimiter) && !body.startsWith(delimiter.slice(1)))
  .map(({ delimiter, body }) => `${delimiter}${body}${delimiter}`);
const blockComment = fc
  .tuple(
    content.map((text) => text.replace(/[/*]/g, ' ')),
    fc.boolean(),
  )
  .map(([text, nested]) => (nested ? `/* a /*${text}*/ b */` : `/*${text}*/`));
const lineComment = noNewline.map((text) => `--${text}`);
const parenthesised = string.map((text) => `(${text}; 1)`);
const parameter = fc.constantFrom('$1', '$23');

const token = fc.oneof(
  identifier,
  number,
  operator,
  string,
  escapeString,
  quotedIdentifier,
  dollarQuoted,
  blockComment,
  lineComment,
  parenthesised,
  parameter,
);
const separator = fc.constantFrom(' ', '\n', '\t', ' \n  ', '\r\n');

/** A statement as psql would send it: a keyword, tokens, `;`. */
const statementText = fc
  .tuple(
    fc.constantFrom('SELECT', 'INSERT', 'ALTER TABLE', 'WITH', '/* lead */ SELECT'),
    fc.array(fc.tuple(separator, token), { maxLength: 8 }),
  )
  .map(([keyword, rest]) => {
    let sql = keyword;
    let afterLineComment = false;
    for (const [gap, text] of rest) {
      // A line comment runs to the line break, which must come next.
      sql += afterLineComment ? '\n' : gap;
      sql += text;
      afterLineComment = text.startsWith('--');
    }
    return `${sql}${afterLineComment ? '\n' : ''};`;
  });

/** `CREATE FUNCTION ... BEGIN ATOMIC ...; END;`: the `;` inside do not end it. */
const atomicFunction = fc
  .array(fc.constantFrom('SELECT 1;', "SELECT ';';", 'SELECT CASE WHEN true THEN 1 END;', 'INSERT INTO t VALUES ($$;$$);'), {
    minLength: 1,
    maxLength: 3,
  })
  .map((body) => `CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  ${body.join('\n  ')}\nEND;`);

/** COPY data lines: tabs, `\N`, `;`, quotes; never the `\.` line. */
const copyBlock = fc
  .array(
    fc.array(fc.constantFrom('1', 'x;y', '\\N', "'", '$$', '\\\\.', 'ı', '\t', ' '), { maxLength: 6 }).map((cells) => cells.join('')),
    { maxLength: 5 },
  )
  .filter((lines) => !lines.includes('\\.'))
  .map((lines) => ({ sql: 'COPY t (a, b) FROM stdin;', data: lines.map((line) => `${line}\n`).join('') }));

const item = fc.oneof(
  { arbitrary: statementText.map((sql) => ({ sql, data: null as string | null })), weight: 6 },
  { arbitrary: atomicFunction.map((sql) => ({ sql, data: null as string | null })), weight: 1 },
  { arbitrary: copyBlock, weight: 1 },
);
/** Between statements: whitespace and `--` comments, which psql drops. */
const gap = fc.constantFrom('\n', '\n\n', ' ', '\n-- next; one\n', '\r\n');

/** Joins items into a script; the items the splitter must give back, with their lines. */
function script(parts: readonly (readonly [{ sql: string; data: string | null }, string])[]): { text: string; items: SqlTextItem[] } {
  let text = '';
  const items: SqlTextItem[] = [];
  for (const [{ sql, data }, between] of parts) {
    const line = text.split('\n').length;
    text += sql;
    if (data === null) {
      items.push({ kind: 'statement', sql, line });
      text += between;
    } else {
      items.push({ kind: 'copy', sql, line, data });
      text += `\n${data}\\.\n`;
    }
  }
  return { text, items };
}

describe('property: splitting', () => {
  it('gives back the statements a script was joined from', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(item, gap), { maxLength: 8 }), (parts) => {
        const { text, items } = script(parts);
        expect(splitSqlText(text)).toEqual(items);
      }),
      { numRuns: runs },
    );
  });

  it('does not depend on where the input is cut into chunks', async () => {
    const soup = fc
      .array(
        fc.oneof(
          token,
          separator,
          fc.constantFrom(';', ';', '\\', '\\.\n', 'COPY t FROM stdin;\n', '\\restrict k\n', '\r', '$', '-', '/', '*', "'", '"'),
        ),
        { maxLength: 30 },
      )
      .map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(soup, fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 10 }), async (text, sizes) => {
        const whole = splitSqlText(text);
        expect(await collectItems(splitSql(byteChunks(text, sizes)))).toEqual(whole);
        // Text chunks, cut at the same code-unit offsets.
        const pieces: string[] = [];
        for (let at = 0, k = 0; at < text.length; at += sizes[k++ % sizes.length] ?? 1)
          pieces.push(text.slice(at, at + (sizes[k % sizes.length] ?? 1)));
        expect(await collectItems(splitSql(pieces))).toEqual(whole);
      }),
      { numRuns: runs },
    );
  });
});
