import type { CompileOptions, CompileResult, SchemaSource } from '@wesley/core';
import { callWorker } from './call-worker.js';

/** `compileSchema`, called synchronously: the compiler runs in the plugin's worker, which has PostgreSQL's parser loaded. */
export function compileSync(sources: readonly SchemaSource[], options: CompileOptions): CompileResult {
  return callWorker({ kind: 'compile', sources, options }) as CompileResult;
}
