import type { CompileOptions, CompileResult, SchemaSource } from '@wesley/core';

/** What the rule's thread posts to the compile worker. */
export interface CompileRequest {
  /** Set to 1 and notified by the worker once the reply is posted. */
  readonly signal: Int32Array;
  readonly sources: readonly SchemaSource[];
  readonly options: CompileOptions;
}

/** The worker's answer: the compiler's result, or why the compiler could not run. */
export type CompileReply = { readonly ok: true; readonly result: CompileResult } | { readonly ok: false; readonly message: string };
