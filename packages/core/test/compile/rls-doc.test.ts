import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emitDdlStatements, emitTypeScript } from '@wesley/core';
import { compileShop } from '../diagnostics/expect-diagnostic.js';

/** docs/rls.md: each ```graphql block, and the ```sql block after it, which must be what schema.sql holds past CREATE TABLE. */
const doc = readFileSync(new URL('../../../../docs/rls.md', import.meta.url), 'utf8');
const blocks = [...doc.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map(([, lang, body]) => ({ lang: lang as string, body: body as string }));
const examples = blocks.flatMap((block, i) => {
  const next = blocks[i + 1];
  return block.lang === 'graphql' && next?.lang === 'sql' ? [{ sdl: block.body, sql: next.body }] : [];
});

function compiled(sdl: string) {
  const result = compileShop(sdl);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.ir!;
}

describe('docs/rls.md', () => {
  it('has an SQL block after each schema', () => {
    expect(examples.length).toBe(blocks.filter((b) => b.lang === 'graphql').length);
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  for (const { sdl, sql } of examples) {
    it(`shows the SQL that ${sdl.split('\n')[0]} compiles to`, () => {
      const statements = emitDdlStatements(compiled(sdl)).filter((s) => !s.startsWith('CREATE TABLE'));
      expect(`${statements.join('\n\n')}\n`).toBe(sql);
    });
  }

  it('shows the session settings types.ts exports for the tenant example', () => {
    const ts = blocks.find((b) => b.lang === 'ts');
    const tenant = examples.find((e) => e.sdl.includes('@wes_tenant(by: "storeId")'));
    expect(emitTypeScript(compiled(tenant!.sdl))).toContain(ts!.body.trim());
  });
});
