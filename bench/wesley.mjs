import { compileSchema, emitDdl, emitTypeScript, emitZod, loadSqlParser } from '@wesley/core';

// compileSchema checks SQL expressions with PostgreSQL's parser, loaded once before any compile.
await loadSqlParser();

/**
 * `compileSchema` on one SDL text, returning the IR. Throws when the schema has errors: the bench
 * schema must be valid, so that is a bug in the bench or the compiler.
 */
export function compileOrThrow(sdl) {
  const { ir, diagnostics } = compileSchema({ name: 'synthetic.graphql', body: sdl });
  if (ir === null) {
    const first = diagnostics.slice(0, 5).map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`);
    throw new Error(`the synthetic schema does not compile:\n${first.join('\n')}`);
  }
  return ir;
}

/** Wesley's whole job on one SDL text: parse, validate, lower to the IR, emit DDL, TypeScript and Zod. */
export function runWesley(sdl) {
  const ir = compileOrThrow(sdl);
  return { sql: emitDdl(ir), typescript: emitTypeScript(ir), zod: emitZod(ir) };
}
