import v8 from 'node:v8';
import vm from 'node:vm';
import { expect, it } from 'vitest';
import { splitSql } from '../../src/sql-stream/index.js';

// A full collection before each heap reading, so garbage not yet collected does not count.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const MB = 1024 * 1024;
const statements = [
  "INSERT INTO public.t (id, name) VALUES (1, 'it''s; a name');\n",
  'CREATE TABLE public.foo (\n    id bigint NOT NULL,\n    body text DEFAULT $$x;y$$\n);\n\n',
  '-- a comment; between\nALTER TABLE ONLY public.foo ADD CONSTRAINT foo_pkey PRIMARY KEY (id);\n',
  'CREATE FUNCTION public.f() RETURNS trigger\n    LANGUAGE plpgsql\n    AS $_$\nBEGIN\n  RETURN NEW; -- ;\nEND;\n$_$;\n',
];
const copyLine = '12345\tsome text; with $$ and \\N\t2024-01-01 00:00:00+00\n';

/** A script of `statementBytes` of statements, then one COPY of `copyBytes` of data, made 64 KiB at a time. */
function* script(statementBytes: number, copyBytes: number, counts: { statements: number }): Generator<Uint8Array> {
  const encoder = new TextEncoder();
  for (let made = 0, k = 0; made < statementBytes;) {
    let chunk = '';
    while (chunk.length < 65536) {
      chunk += statements[k++ % statements.length];
      counts.statements++;
    }
    made += chunk.length;
    yield encoder.encode(chunk);
  }
  yield encoder.encode('COPY public.t (id, name, at) FROM stdin;\n');
  counts.statements++;
  const block = encoder.encode(copyLine.repeat(Math.ceil(65536 / copyLine.length)));
  for (let made = 0; made < copyBytes; made += block.length) yield block;
  yield encoder.encode('\\.\nSELECT 1;\n');
  counts.statements++;
}

function heapUsed(): number {
  gc();
  return process.memoryUsage().heapUsed;
}

it('splits a 50 MB stream (30 MB of statements, a 20 MB COPY) in memory that does not grow with it', { timeout: 60_000 }, async () => {
  const counts = { statements: 0 };
  const base = heapUsed();
  let peak = 0;
  let items = 0;
  let copyBytes = 0;
  for await (const item of splitSql(script(30 * MB, 20 * MB, counts))) {
    if (++items % 50_000 === 0) peak = Math.max(peak, heapUsed() - base);
    if (item.kind !== 'copy') continue;
    let chunks = 0;
    for await (const chunk of item.data) {
      copyBytes += chunk.length;
      if (++chunks % 100 === 1) peak = Math.max(peak, heapUsed() - base);
    }
  }
  peak = Math.max(peak, heapUsed() - base);
  expect(items).toBe(counts.statements);
  expect(copyBytes).toBeGreaterThanOrEqual(20 * MB);
  // One chunk, its events and one statement at a time: a few MB at most, against 50 MB of input.
  expect(peak).toBeLessThan(8 * MB);
});
