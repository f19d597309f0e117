/**
 * compileSchema and parseSql before `await loadSqlParser()`: a clear programming error, never a
 * schema compiled with its SQL expressions unchecked. The test project's setup file loads the
 * parser for every test file, so each case takes a fresh instance of @wesley/core's modules
 * (`vi.resetModules()` then a dynamic import), whose parser is not loaded yet.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Core = typeof import('@wesley/core');

const smuggled = `type Gauge @wes_table @wes_check(expr: "b > 0)); DROP TABLE victim; CREATE TABLE x (y int CHECK (true") {
  id: Int! @wes_pk
  b: Int!
}`;
const plain = `type Gauge @wes_table {
  id: Int! @wes_pk
}`;

let core: Core;
beforeEach(async () => {
  vi.resetModules();
  core = await import('@wesley/core');
});

describe('before loadSqlParser', () => {
  it('compileSchema throws SqlParserNotLoadedError, whatever the schema holds', () => {
    for (const body of [smuggled, plain]) {
      const compile = () => core.compileSchema({ name: 'schema.graphql', body });
      expect(compile).toThrow(core.SqlParserNotLoadedError);
      expect(compile).toThrow(
        "compileSchema needs PostgreSQL's SQL parser, which is not loaded: call `await loadSqlParser()` (from '@wesley/core') once per process before it",
      );
    }
  });

  it('parseSql throws it too, even for empty text', () => {
    expect(() => core.parseSql('SELECT 1')).toThrow(core.SqlParserNotLoadedError);
    expect(() => core.parseSql('')).toThrow(/^parseSql needs PostgreSQL's SQL parser/);
  });

  it('the error is named, an Error, and says what to do', () => {
    const error = new core.SqlParserNotLoadedError('compileSchema');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('SqlParserNotLoadedError');
    expect(error.message).toContain('await loadSqlParser()');
  });
});

describe('after loadSqlParser', () => {
  it('compileSchema compiles, and refuses a smuggled expression (WES033)', async () => {
    await core.loadSqlParser();
    expect(core.compileSchema({ name: 'schema.graphql', body: plain }).ir).not.toBeNull();
    const { ir, diagnostics } = core.compileSchema({ name: 'schema.graphql', body: smuggled });
    expect(ir).toBeNull();
    expect(diagnostics.map((d) => d.code)).toEqual(['WES033']);
  });

  it('loading again, or concurrently, is the same promise and costs nothing', async () => {
    const first = core.loadSqlParser();
    expect(core.loadSqlParser()).toBe(first);
    await first;
    await core.loadSqlParser();
    expect(() => core.parseSql('SELECT 1')).not.toThrow();
  });
});
