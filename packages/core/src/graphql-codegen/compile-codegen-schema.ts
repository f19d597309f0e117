import type { GraphQLSchema } from 'graphql';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SchemaIR } from '../ir/types.js';
import { compileSchema } from '../sdl/compile-schema.js';
import type { ResolvedCodegenConfig } from './codegen-config.js';
import { diagnosticLines } from './diagnostic-lines.js';
import { schemaSdl, type SchemaSdl } from './schema-sdl.js';
import { sdlLocator } from './sdl-locator.js';

/** Name of the printed SDL in diagnostics that cannot be traced back to a file. */
export const printedSdlName = '<codegen schema>';

export interface CodegenCompileResult {
  readonly ir: SchemaIR;
  /** Warnings (only when not `strict`), located in the loaded files where possible. */
  readonly warnings: readonly Diagnostic[];
}

/**
 * Compiles the schema codegen loaded, as `wesley generate` compiles the files: its SDL with the
 * directives is rebuilt from the AST nodes and given to `compileSchema`, and every diagnostic is
 * traced back to the file and position where the user wrote it.
 *
 * @throws Error listing every diagnostic (`file:line:col CODE message` and its help line) when
 * the schema has errors, or warnings under `strict`.
 */
export function compileCodegenSchema(schema: GraphQLSchema, config: ResolvedCodegenConfig): CodegenCompileResult {
  const sdl = schemaSdl(schema);
  const { ir, diagnostics } = compileSchema({ name: printedSdlName, body: sdl.body }, { scalars: config.scalarColumnTypes });
  const located = locate(sdl, diagnostics);
  if (ir === null || hasErrors(located, config.strict)) throw new Error(failureMessage(located, config.strict));
  return { ir, warnings: located };
}

function locate(sdl: SchemaSdl, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  if (diagnostics.length === 0) return [];
  const locator = sdlLocator(sdl);
  return sortDiagnostics(diagnostics.map((d) => (d.file === printedSdlName ? { ...d, ...locator(d.line, d.column) } : d)));
}

function failureMessage(diagnostics: readonly Diagnostic[], strict: boolean): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const counts = [errors > 0 ? plural(errors, 'error') : '', warnings > 0 ? plural(warnings, 'warning') : ''].filter(Boolean).join(', ');
  const why = errors === 0 && strict ? ' (strict: warnings fail)' : '';
  return `Wesley: ${counts} in the schema${why}\n${diagnosticLines(diagnostics).join('\n')}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
