import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SchemaIR } from '../ir/types.js';
import type { CompileOptions, SchemaSource } from './source.js';

export interface CompileResult {
  /** The IR, or `null` when any diagnostic is an error. */
  readonly ir: SchemaIR | null;
  /** Every error and warning, in source order. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Parses, validates and lowers SDL into the IR. Never throws for bad input: every mistake is a
 * diagnostic, all collected in one pass.
 */
export function compileSchema(
  sources: SchemaSource | readonly SchemaSource[],
  options: CompileOptions = {},
): CompileResult {
  void sources;
  void options;
  throw new Error('compileSchema: not implemented yet');
}
