import type { CompileOptions, SchemaSource } from '@wesley/core';

/** What the rules' thread asks the worker. */
export type WorkerRequest =
  /** `compileSchema(sources, options)`. */
  | { readonly kind: 'compile'; readonly sources: readonly SchemaSource[]; readonly options: CompileOptions }
  /** The `wesley.config.*` of the project `directory` is in (`findConfigFile`, `loadConfig`). */
  | { readonly kind: 'config'; readonly directory: string };

/** A request as posted: `signal` is set to 1 and notified once the reply is posted. */
export type PostedRequest = WorkerRequest & { readonly signal: Int32Array };

/** The worker's answer: the request's value, or why it could not be had (a program error, not a user's). */
export type WorkerReply = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

/** What the plugin reads of a project's `wesley.config.*`, or the config's error as its message says it. */
export type ProjectConfig =
  | {
      readonly kind: 'config';
      readonly file: string;
      readonly directory: string;
      readonly schema: readonly string[];
      readonly scalars: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'error'; readonly file: string; readonly message: string; readonly help: string };
