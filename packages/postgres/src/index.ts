/**
 * @wesley/postgres: everything that crosses the wire to PostgreSQL — connections, the embedded
 * and system servers, and introspection of a live schema into the IR.
 */
export * from './connect/index.js';
export * from './server/index.js';
export * from './introspect/index.js';
export * from './execute/index.js';
export * from './estimate/index.js';
export * from './lint/index.js';
export * from './drift/index.js';
export * from './usage/index.js';
export * from './spelling/index.js';
export * from './migrate/index.js';
export * from './errors/index.js';
export * from './sql-stream/index.js';
