/**
 * @wesley/core: pure functions from GraphQL SDL to an IR, and from the IR to PostgreSQL DDL,
 * TypeScript types and Zod validators. No fs, no network, no process: plain data in and out.
 */
export * from './ir/index.js';
export * from './diagnostics/index.js';
export * from './naming/index.js';
export * from './sdl/index.js';
export * from './sql/index.js';
export * from './ddl/index.js';
export * from './codegen/index.js';
export * from './diff/index.js';
export * from './plan/index.js';
export * from './run/index.js';
export * from './locks/index.js';
export * from './lint/index.js';
