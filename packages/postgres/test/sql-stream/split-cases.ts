import type { SqlTextItem } from '../../src/sql-stream/index.js';

/** An input and what splitting it gives. */
export interface SplitCase {
  readonly name: string;
  readonly input: string;
  readonly items: readonly SqlTextItem[];
}

const statement = (sql: string, line = 1): SqlTextItem => ({ kind: 'statement', sql, line });
const meta = (command: string, line: number): SqlTextItem => ({ kind: 'meta', command, line });
const copy = (sql: string, line: number, data: string): SqlTextItem => ({ kind: 'copy', sql, line, data });

/**
 * Each construct and edge of psql's split. The statement texts and COPY data are what psql 15
 * sends for the input: psql-agreement.test.ts runs every input through the real psql and checks.
 */
export const splitCases: readonly SplitCase[] = [
  { name: 'empty input', input: '', items: [] },
  { name: 'only whitespace', input: '\n\n  \t\n', items: [] },
  { name: 'only -- comments', input: '-- one\n-- two ; three', items: [] },
  // psql sends a lone block comment; the server answers with an empty query.
  { name: 'only a block comment', input: '/* only */\n', items: [statement('/* only */')] },
  { name: 'a lone semicolon', input: ' ; ', items: [statement(';')] },
  {
    name: 'leading whitespace and -- comments dropped, inner ones kept',
    input: '\n-- header; with a semicolon\n  SELECT 1 -- inner; comment\n  , 2;\n',
    items: [statement('SELECT 1 -- inner; comment\n  , 2;', 3)],
  },
  { name: 'a block comment before the first token is kept', input: '/* c; */ SELECT 1;', items: [statement('/* c; */ SELECT 1;')] },
  {
    name: 'several statements on one line',
    input: 'SELECT 1; SELECT 2;SELECT 3;',
    items: [statement('SELECT 1;'), statement('SELECT 2;'), statement('SELECT 3;')],
  },
  { name: 'statement at EOF without ;', input: 'SELECT 1;\nSELECT 2\n', items: [statement('SELECT 1;'), statement('SELECT 2', 2)] },
  { name: 'empty lines inside a statement are dropped', input: 'SELECT\n\n1\n\n;\n', items: [statement('SELECT\n1\n;')] },
  { name: 'lines of spaces are kept', input: 'SELECT\n  \n1;', items: [statement('SELECT\n  \n1;')] },
  { name: 'trailing lines at EOF', input: 'SELECT 4\n   \n\n', items: [statement('SELECT 4\n   ')] },
  {
    name: 'CRLF line breaks are sent as they are',
    input: 'SELECT 1;\r\nCREATE TABLE t (\r\n  a int\r\n\r\n);\r\n',
    items: [statement('SELECT 1;'), statement('CREATE TABLE t (\r\n  a int\r\n\r\n);', 2)],
  },
  { name: 'a -- comment ends at a bare CR', input: '-- c\rSELECT 1;', items: [statement('SELECT 1;')] },
  { name: 'vertical tab is not whitespace to psql', input: '\vSELECT 1;', items: [statement('\vSELECT 1;')] },
  { name: 'a UTF-8 byte-order mark is ignored', input: '\ufeffSELECT 1;', items: [statement('SELECT 1;')] },
  {
    name: "standard strings with '' and ;",
    input: "SELECT 'a;''b', 'c\\';\nSELECT 2;",
    items: [statement("SELECT 'a;''b', 'c\\';"), statement('SELECT 2;', 2)],
  },
  { name: "E'' strings with backslash escapes", input: "SELECT E'\\';' , e'\\\\';\n", items: [statement("SELECT E'\\';' , e'\\\\';")] },
  {
    name: "B'', X'', N'' and U&'' are standard strings",
    input: "SELECT b'\\', x'\\', n'\\', U&'\\';",
    items: [statement("SELECT b'\\', x'\\', n'\\', U&'\\';")],
  },
  { name: "an identifier ending in e before a quote is not E''", input: "SELECT somee'\\';", items: [statement("SELECT somee'\\';")] },
  { name: 'quoted identifiers with "" and ;', input: 'SELECT "a;""b" FROM "ı;";', items: [statement('SELECT "a;""b" FROM "ı;";')] },
  {
    name: 'a ; inside a dollar quote',
    input: 'SELECT $$ a; b $$;\nSELECT 2;',
    items: [statement('SELECT $$ a; b $$;'), statement('SELECT 2;', 2)],
  },
  {
    name: 'dollar quotes with tags',
    input: 'CREATE FUNCTION f() RETURNS int AS $_$\nSELECT 1; $$ $x$\n$_$ LANGUAGE sql;\nSELECT $tag$ ; $TAG$ $tag$;',
    items: [
      statement('CREATE FUNCTION f() RETURNS int AS $_$\nSELECT 1; $$ $x$\n$_$ LANGUAGE sql;'),
      statement('SELECT $tag$ ; $TAG$ $tag$;', 4),
    ],
  },
  {
    name: 'a closing tag found inside a longer $...$',
    input: 'SELECT $b$ $a$b$ ; SELECT 2;',
    items: [statement('SELECT $b$ $a$b$ ;'), statement('SELECT 2;')],
  },
  {
    name: '$1 is a parameter, not a dollar quote',
    input: 'SELECT $1; SELECT $2$;',
    items: [statement('SELECT $1;'), statement('SELECT $2$;')],
  },
  { name: '$ inside an identifier does not start a dollar quote', input: 'SELECT a$b$ ;', items: [statement('SELECT a$b$ ;')] },
  {
    name: 'numbers swallow identifier characters (1e$ is one token)',
    input: 'SELECT 1e$$;$$;',
    items: [statement('SELECT 1e$$;'), statement('$$;')],
  },
  { name: 'a psql variable name ends before $', input: 'SELECT :v$$;$$;', items: [statement('SELECT :v$$;$$;')] },
  { name: 'nested block comments', input: 'SELECT /* a /* b ; */ c ; */ 1;', items: [statement('SELECT /* a /* b ; */ c ; */ 1;')] },
  {
    name: 'a ; inside parentheses',
    input: 'CREATE RULE r AS ON INSERT TO t DO ALSO (SELECT 1; SELECT 2);\n',
    items: [statement('CREATE RULE r AS ON INSERT TO t DO ALSO (SELECT 1; SELECT 2);')],
  },
  {
    name: 'BEGIN ATOMIC ... END function bodies, CASE inside',
    input:
      'CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\n  SELECT CASE WHEN true THEN 2 END;\nEND;\nSELECT 3;',
    items: [
      statement(
        'CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\n  SELECT CASE WHEN true THEN 2 END;\nEND;',
      ),
      statement('SELECT 3;', 6),
    ],
  },
  {
    name: 'BEGIN in a procedure header',
    input: 'CREATE PROCEDURE p() BEGIN ATOMIC SELECT 1; END; CALL p();',
    items: [statement('CREATE PROCEDURE p() BEGIN ATOMIC SELECT 1; END;'), statement('CALL p();')],
  },
  {
    name: 'BEGIN outside a function is a statement',
    input: 'BEGIN; CREATE TABLE begin (a int); END;',
    items: [statement('BEGIN;'), statement('CREATE TABLE begin (a int);'), statement('END;')],
  },
  {
    name: 'pg_dump \\restrict lines are meta items',
    input: '--\n\\restrict k0Ia0s\n\nSET a = 1;\n\\unrestrict k0Ia0s\n',
    items: [meta('\\restrict k0Ia0s', 2), statement('SET a = 1;', 4), meta('\\unrestrict k0Ia0s', 5)],
  },
  {
    name: 'a meta-command line inside a statement is left out with its line break',
    input: 'SELECT\n\\echo hi\n1;',
    items: [meta('\\echo hi', 2), statement('SELECT\n1;')],
  },
  { name: 'a meta-command after SQL on a line', input: 'SELECT 2 \\echo x\n;', items: [meta('\\echo x', 1), statement('SELECT 2 \n;')] },
  {
    name: '\\\\ ends a meta-command and SQL follows',
    input: '\\echo a \\\\ SELECT 1;\nA\n\\echo b \\\\ B;',
    items: [meta('\\echo a', 1), statement('SELECT 1;'), meta('\\echo b', 3), statement('A B;', 2)],
  },
  {
    name: 'an unknown meta-command takes its whole line',
    input: '\\foo a \\\\ SELECT 1;\nSELECT 2;',
    items: [meta('\\foo a \\\\ SELECT 1;', 1), statement('SELECT 2;', 2)],
  },
  {
    name: 'while restricted, psql refuses other meta-commands with their line',
    input: '\\restrict k\n\\echo a \\\\ SELECT 1;\n\\unrestrict k\n\\echo b \\\\ SELECT 2;',
    items: [
      meta('\\restrict k', 1),
      meta('\\echo a \\\\ SELECT 1;', 2),
      meta('\\unrestrict k', 3),
      meta('\\echo b', 4),
      statement('SELECT 2;', 4),
    ],
  },
  {
    name: '\\; and \\: put ; and : in the statement',
    input: 'SELECT 1 \\; SELECT 2;\nSELECT \\:x;',
    items: [statement('SELECT 1 ; SELECT 2;'), statement('SELECT :x;', 2)],
  },
  {
    name: 'COPY FROM STDIN with its data, without the \\. line',
    input: 'COPY t (a, b) FROM stdin;\n1\tx;y\n\\N\t$$\n\\.\nSELECT 1;\n',
    items: [copy('COPY t (a, b) FROM stdin;', 1, '1\tx;y\n\\N\t$$\n'), statement('SELECT 1;', 5)],
  },
  {
    name: 'COPY data with CRLF lines',
    input: 'COPY t FROM STDIN;\r\nx\r\n\\.\r\nSELECT 1;',
    items: [copy('COPY t FROM STDIN;', 1, 'x\r\n'), statement('SELECT 1;', 4)],
  },
  { name: 'COPY data up to EOF without \\.', input: 'COPY t FROM stdin;\na\nb', items: [copy('COPY t FROM stdin;', 1, 'a\nb')] },
  { name: 'a \\. at EOF without a line break', input: 'COPY t FROM stdin;\na\n\\.', items: [copy('COPY t FROM stdin;', 1, 'a\n')] },
  { name: 'COPY as the last statement, no data', input: 'COPY t FROM stdin;', items: [copy('COPY t FROM stdin;', 1, '')] },
  { name: 'COPY without ; at EOF', input: 'COPY t FROM stdin', items: [copy('COPY t FROM stdin', 1, '')] },
  {
    name: 'the rest of the COPY line is lexed after the data',
    input: 'COPY a FROM stdin; COPY b FROM stdin; SELECT 1;\n1\n\\.\n2\n\\.\nSELECT 2;\n',
    items: [
      copy('COPY a FROM stdin;', 1, '1\n'),
      copy('COPY b FROM stdin;', 1, '2\n'),
      statement('SELECT 1;', 1),
      statement('SELECT 2;', 6),
    ],
  },
  {
    name: 'COPY TO STDOUT and COPY FROM a file have no data',
    input: "COPY t TO stdout;\nCOPY t FROM '/tmp/stdin';\nCOPY (SELECT 1 FROM stdin) TO stdout;",
    items: [
      statement('COPY t TO stdout;'),
      statement("COPY t FROM '/tmp/stdin';", 2),
      statement('COPY (SELECT 1 FROM stdin) TO stdout;', 3),
    ],
  },
  { name: 'unterminated constructs run to EOF', input: "SELECT 'a\n\nSELECT $$b", items: [statement("SELECT 'a\n\nSELECT $$b")] },
];
