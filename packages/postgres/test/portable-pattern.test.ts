/**
 * `@wes_constraint(pattern:)` is checked twice: by the CHECK (`col ~ 'pattern'`, PostgreSQL's
 * advanced regular expressions) and by the generated Zod (`.regex(/js/u)`, `portablePattern`'s
 * rewriting). Every pattern the compiler accepts must compile on the server and match exactly the
 * strings PostgreSQL matches (a property over random strings); every pattern it refuses is
 * refused by the server, read differently by the two engines (a witness string shows it), or
 * refused to be safe (said so below).
 */
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { z } from 'zod';
import { compileSchema, emitZod, quoteLiteral } from '@wesley/core';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { generatedProject, type GeneratedProject } from '../../core/test/codegen/generated-project.js';
import type { Connection } from '../src/connect/connect.js';

/** Patterns the compiler accepts, one per feature of the subset. */
const accepted = [
  '^[a-z0-9_]+$',
  '^\\w+(\\s\\w+)*$',
  'a.c',
  '^.$',
  '^(?:ab|cd){2,3}$',
  'x(?=y)',
  'x(?!y)',
  '^[^a-c\\-]+$',
  '^\\d{3}-\\d{2,}$',
  '\\.',
  '[.*+?$^]',
  '^a{0,255}$',
  'é+',
  '^[\\u0041-\\u005a]+$',
  'a|',
  '^$',
  '[\\t ]',
  '^(a|b)*?c$',
  '\\(\\)',
  '[\\]a]',
  '^[😀-😂]$',
  '^[\\s\\d]+$',
  '\\#\\@\\ ',
  'a\\/b',
  '^\\n?[\\r\\f\\v]$',
  '^[^@\\s]+@[^@\\s]+$',
  '[\\d-]+',
  '^[^\\w]+$',
  '^[\\s,;]+$',
  '^[^\\s]$',
  '^[^\\d\\s]+$',
  '^[-\\w.]+$',
];

/**
 * Patterns the compiler refuses, with the evidence: `refused` when the server cannot compile it,
 * a witness string on which `new RegExp(pattern)` and `~` disagree, or `safe` when both engines
 * agree on the test's strings but the subset leaves the feature out (it depends on the locale, or
 * on matching preferences a back reference can see).
 */
const refusedPatterns: readonly (readonly [string, 'refused' | 'safe' | { readonly witness: string }])[] = [
  ['(?<name>a)', 'refused'],
  ['a{256}', 'refused'],
  ['a{1,256}', 'refused'],
  ['\\bword\\b', { witness: 'a word' }],
  ['^[[:alpha:]]+$', { witness: 'abc' }],
  ['^\\x41B$', { witness: 'AB' }],
  ['^\\S$', { witness: '\u00a0' }],
  ['^\\W$', 'safe'],
  ['^[\\S]$', { witness: '\u00a0' }],
  ['^[a\\D]$', 'safe'],
  ['[\\d-z]', 'refused'],
  ['[a-\\w]', 'refused'],
  ['(?<=a)b', 'safe'],
  ['(a)\\1', 'safe'],
  ['x{', 'safe'],
  ['x}', 'safe'],
  ['[]a]', { witness: ']' }],
  ['*a', 'refused'],
];

/**
 * Characters the random strings are made of: ASCII letters, digits and marks; white space of both
 * kinds (ASCII, which PostgreSQL's `\s` takes in the C locale, and Unicode spaces, which a `u`
 * RegExp's `\s` would also take: U+00A0, U+2003, U+2028, U+3000); a digit of another script
 * (U+0663), letters outside ASCII, an astral one.
 */
const alphabet = [...'abcxyz019_-.*()[]#@/,; AZ\t\n\r\f\v\u00a0\u2003\u2028\u3000\u0663éßЛ😀😁'];
/** Strings every pattern is also tried on, so that each character is seen alone and on both sides of an `@`. */
const probes = alphabet.flatMap((c) => [c, c + c, `a${c}@b`, `a@${c}b`]);

async function matches(session: Connection, pattern: string, texts: readonly string[]): Promise<boolean[]> {
  const { rows } = await session.query<{ m: boolean[] }>(
    'SELECT array_agg(t ~ $2 ORDER BY n) AS m FROM unnest($1::text[]) WITH ORDINALITY AS u(t, n)',
    [texts, pattern],
  );
  return rows[0]?.m ?? [];
}

/** The accepted patterns as columns `f0`, `f1`, ... of one table. */
const sdl = `type P @wes_table {\n  id: ID! @wes_pk\n${accepted.map((p, i) => `  f${i}: String @wes_constraint(pattern: ${JSON.stringify(p)})`).join('\n')}\n}`;

describeEachServer('patterns: PostgreSQL ~ and the generated Zod', (server) => {
  const db = useTestDatabase(server);
  let project: GeneratedProject | undefined;
  let schema: z.ZodObject | undefined;

  beforeAll(async () => {
    const { ir, diagnostics } = compileSchema({ name: 'p.graphql', body: sdl });
    if (ir === null) throw new Error(`the accepted patterns do not compile: ${JSON.stringify(diagnostics)}`);
    project = generatedProject();
    const generated = (await import(pathToFileURL(project.write('zod.mjs', emitZod(ir))).href)) as Record<string, z.ZodObject>;
    schema = generated['PSchema'];
  });
  afterAll(() => project?.dispose());

  it.each(accepted.map((pattern, i) => [pattern, i] as const))(
    '%s: the CHECK is created and both match the same strings',
    async (pattern, i) => {
      const session = await db.connect();
      await session.query('BEGIN');
      await session.query(`CREATE TABLE t (s text CHECK (s ~ ${quoteLiteral(pattern)}))`);
      await session.query('ROLLBACK');
      const field = schema?.shape[`f${i}`] as z.ZodType | undefined;
      if (field === undefined) throw new Error(`no field f${i}`);
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 6 }), { minLength: 1, maxLength: 60 }),
          async (texts) => {
            expect(texts.map((t) => field.safeParse(t).success)).toEqual(await matches(session, pattern, texts));
          },
        ),
        { numRuns: 25, examples: [[probes]] },
      );
      await session.close();
    },
  );

  it.each(refusedPatterns)('%s is refused by the compiler (WES027), with reason', async (pattern, evidence) => {
    const { diagnostics } = compileSchema({
      name: 'p.graphql',
      body: `type P @wes_table { id: ID! @wes_pk\n s: String @wes_constraint(pattern: ${JSON.stringify(pattern)}) }`,
    });
    expect(diagnostics.map((d) => d.code)).toEqual(['WES027']);
    const session = await db.connect();
    if (evidence === 'refused') {
      await expect(session.query(`SELECT 'x' ~ ${quoteLiteral(pattern)}`)).rejects.toThrow(/invalid regular expression/);
    } else if (evidence !== 'safe') {
      const [server] = await matches(session, pattern, [evidence.witness]);
      expect(new RegExp(pattern).test(evidence.witness)).toBe(!server);
    }
    await session.close();
  });
});
