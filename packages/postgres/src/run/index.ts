/**
 * `@wesley/postgres/run`: what running migrations needs — connections, the embedded and system
 * servers, the migrator and its executor, the SQL lexer, impact estimates — and not introspection, drift or
 * spelling, which compare schemas and so load the whole of `@wesley/core` (graphql with it).
 * `wesley migrate` imports this to stay small beside the statements it streams. Everything here
 * is also exported by `@wesley/postgres`.
 */
export * from '../connect/index.js';
export * from '../server/index.js';
export * from '../execute/index.js';
export * from '../estimate/index.js';
export * from '../lint/index.js';
export * from '../migrate/index.js';
export * from '../errors/index.js';
export * from '../sql-stream/index.js';
