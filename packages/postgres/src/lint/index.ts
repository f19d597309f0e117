/**
 * Linting hand-written SQL against a file and a database: psql's split of the file as the
 * migrator reads it, and the tables of the database the linter needs to know about (core's
 * `lintSql` judges).
 */
export { lintSqlFile, type LintedFile, type LintSqlFileOptions } from './lint-sql-file.js';
export { readLintCatalog } from './read-lint-catalog.js';
export { readLintSource, type LintSource } from './read-lint-source.js';
