import { emitTypeScript } from '../codegen/emit-typescript.js';
import { emitZod } from '../codegen/emit-zod.js';
import { generatedHeader } from '../codegen/generated-header.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hashIR } from '../ir/hash.js';
import type { SchemaIR } from '../ir/types.js';
import type { CodegenOutput } from './codegen-config.js';
import { diagnosticLines } from './diagnostic-lines.js';

/**
 * The module the plugin returns: `emitZod`'s and/or `emitTypeScript`'s text for `ir`, exactly
 * what `wesley generate` writes to `zod.ts` and `types.ts`, joined under one header (Zod first,
 * so its `import` opens the module). The two never declare the same value: types add
 * `JsonValue` and the row interfaces, Zod the `...Schema` constants. Codegen has no channel for
 * warnings, so they are listed as comments under the header, where a reviewer sees them.
 */
export function renderCodegenOutput(ir: SchemaIR, output: CodegenOutput, warnings: readonly Diagnostic[]): string {
  const options = { irHash: hashIR(ir) };
  const header = generatedHeader(options);
  const modules: string[] = [];
  if (output !== 'types') modules.push(emitZod(ir, options));
  if (output !== 'zod') modules.push(emitTypeScript(ir, options));
  const bodies = modules.map((text) => {
    if (!text.startsWith(`${header}\n`)) throw new Error('Wesley: an emitter did not start with the generated header');
    return text.slice(header.length + 1);
  });
  const notes = diagnosticLines(warnings).map((line) => `// ${line}`);
  return [header, ...notes, bodies.join('\n')].join('\n');
}
