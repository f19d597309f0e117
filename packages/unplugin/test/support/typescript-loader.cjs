// A webpack loader that strips TypeScript syntax with the TypeScript compiler's transpiler, so
// the tests need no ts-loader: webpack has no TypeScript support of its own.
const ts = require('typescript');

module.exports = function typescriptLoader(source) {
  const compilerOptions = { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true };
  return ts.transpileModule(source, { compilerOptions, fileName: this.resourcePath }).outputText;
};
