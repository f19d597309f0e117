/**
 * Run before every test file of every project (`setupFiles` in vitest.shared.ts): loads
 * PostgreSQL's parser, which the synchronous `compileSchema` needs and many tests call directly,
 * as every entry point that compiles (the CLI, the bundler plugin, the codegen plugin) loads it
 * first. Entry points are proven to load it themselves by tests that run them in a process of
 * their own (the built CLI, the packed packages, Vite for the browser test); the state before
 * the load is tested on a fresh module instance (packages/core/test/sql/sql-parser-not-loaded.test.ts).
 */
import { loadSqlParser } from '@wesley/core';

await loadSqlParser();
