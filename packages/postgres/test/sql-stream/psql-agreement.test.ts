import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitSqlText, type SqlTextItem } from '../../src/sql-stream/index.js';
import { PsqlRecorder, type SentQuery } from './psql-recorder.js';
import { splitCases } from './split-cases.js';

/**
 * The split is psql's: the real psql 15 runs each input against a recording stand-in server, and
 * what it sends must be what splitSqlText yields. The stand-in answers COPY IN to exactly the
 * statements the splitter calls COPY FROM STDIN (a server's decision, which the realsql corpus
 * checks against real COPY blocks); everything else here is psql's own lexing.
 */
const recorder = new PsqlRecorder((sql) => splitSqlText(sql).some((item) => item.kind === 'copy'));

beforeAll(() => recorder.start());
afterAll(() => recorder.stop());

/** What psql would send for our items: statements and COPY data, meta-commands run by psql itself. */
function asSent(items: readonly SqlTextItem[]): SentQuery[] {
  return items.flatMap((item): SentQuery[] => {
    if (item.kind === 'meta') return [];
    return item.kind === 'copy' ? [{ sql: item.sql, data: item.data }] : [{ sql: item.sql }];
  });
}

/** psql 15 also sends the `\.` line, which the splitter leaves out of COPY data (see SqlCopy). */
function withoutEndMarker(sent: readonly SentQuery[]): SentQuery[] {
  return sent.map((query) =>
    query.data === undefined ? query : { sql: query.sql, data: query.data.replace(/(^|\n)\\\.(\r?\n)?$/, '$1') },
  );
}

async function expectAgreement(input: string): Promise<void> {
  expect(withoutEndMarker(await recorder.send(input)), JSON.stringify(input)).toEqual(asSent(splitSqlText(input)));
}

describe('psql sends what the splitter yields', () => {
  it('for each construct and edge of split-cases.ts', { timeout: 60_000 }, async () => {
    for (const { input } of splitCases) await expectAgreement(input);
  });

  // Pieces that interact: quotes and comments opened and closed anywhere, keywords of the
  // BEGIN ... END and COPY heuristics, meta-commands, line breaks of every kind.
  const piece = fc.constantFrom(
    'SELECT',
    'x',
    ' ',
    ' ',
    '\n',
    '\n',
    '\r\n',
    '\r',
    '\t',
    '\f',
    '\v',
    ';',
    ';',
    '(',
    ')',
    "'",
    "''",
    '"',
    '""',
    "E'",
    "e'\\'",
    "b'",
    "N'",
    "U&'",
    'u&"',
    '$$',
    '$a$',
    '$A$',
    '$1',
    '$',
    'a$b',
    '--',
    '-',
    '/*',
    '*/',
    '/',
    '*',
    '1e',
    '1e-',
    '1.',
    '12',
    ':v',
    '::',
    ":'v'",
    'ı',
    'é',
    'begin',
    'END',
    'case',
    'CREATE FUNCTION f() ',
    'CREATE OR REPLACE PROCEDURE p ',
    ' from ',
    'stdin',
    'COPY t FROM stdin;\n',
    'a\tb\n',
    '\\.',
    '\\.\n',
    '\\',
    '\\\\',
    '\\;',
    '\\:',
    '\\restrict k',
    '\\restrict k\n',
    '\\unrestrict k',
    '\\echo x',
    "\\echo 'a\\\\' ",
    '\\foo',
    '\\! x',
    '`',
    '|',
  );

  // `\copy` is psql's client-side COPY: it sends a query of its own making, not a split.
  const script = fc
    .array(piece, { maxLength: 24 })
    .map((pieces) => pieces.join(''))
    .filter((text) => !/\\copy/i.test(text));

  it('for random mixes of the pieces psql lexes specially', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(script, async (text) => {
        await expectAgreement(text);
      }),
      { numRuns: Number(process.env.WESLEY_PROPERTY_RUNS ?? 60) },
    );
  });
});
