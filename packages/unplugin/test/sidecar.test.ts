/**
 * The sidecar declaration across builds: written when the schema's declarations change, left
 * alone (same mtime) when they do not, not written at all with `sidecar: false`.
 */
import { utimesSync } from 'node:fs';
import { compileSchema, emitModuleDeclarations } from '@wesley/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundlers } from './support/bundlers.js';
import { fixtureApp, shopSchema, type FixtureApp } from './support/fixture-app.js';

function declarations(schema: string): string {
  const { ir } = compileSchema({ name: 'schema.graphql', body: schema });
  if (ir === null) throw new Error('the test schema does not compile');
  return emitModuleDeclarations(ir);
}

describe('the sidecar declaration', () => {
  let app: FixtureApp;

  beforeEach(() => {
    app = fixtureApp();
  });

  afterEach(() => app.dispose());

  it('is rewritten only when its content changed', async () => {
    await bundlers.rollup(app);
    expect(app.read('schema.d.graphql.ts')).toBe(declarations(shopSchema));
    // Back-date the file: a rewrite, however fast, would move its mtime to now.
    const past = new Date('2001-01-01T00:00:00Z');
    utimesSync(app.path('schema.d.graphql.ts'), past, past);

    await bundlers.rollup(app);
    expect(app.mtime('schema.d.graphql.ts')).toBe(past.getTime());

    // A comment changes the schema file but not what it declares.
    app.write('schema.graphql', `# edited\n${shopSchema}`);
    await bundlers.rollup(app);
    expect(app.mtime('schema.d.graphql.ts')).toBe(past.getTime());

    const changed = shopSchema.replace('  note: String\n', '  note: String\n  giftWrap: Boolean!\n');
    app.write('schema.graphql', changed);
    await bundlers.rollup(app);
    expect(app.read('schema.d.graphql.ts')).toBe(declarations(changed));
    expect(app.read('schema.d.graphql.ts')).toContain('giftWrap: z.ZodBoolean;');
    expect(app.mtime('schema.d.graphql.ts')).toBeGreaterThan(past.getTime());
  });

  it('is not written with `sidecar: false`', async () => {
    await bundlers.esbuild(app, { sidecar: false });
    expect(() => app.read('schema.d.graphql.ts')).toThrow(/ENOENT/);
  });
});
