import type { Plugin } from 'rollup';
import ts from 'typescript';

/** A Rollup plugin that strips TypeScript syntax from `.ts` modules: Rollup has no TypeScript support of its own. */
export function transpileTypeScript(): Plugin {
  return {
    name: 'transpile-typescript',
    transform(code, id) {
      if (!id.endsWith('.ts')) return null;
      const compilerOptions = { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true };
      return { code: ts.transpileModule(code, { compilerOptions, fileName: id }).outputText, map: null };
    },
  };
}
