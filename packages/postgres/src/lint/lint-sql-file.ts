import { lintSql, loadSqlParser, type LintCatalog, type LintReport } from '@wesley/core/run';
import { readLintSource } from './read-lint-source.js';

/** How {@link lintSqlFile} judges a file. */
export interface LintSqlFileOptions {
  /** The file's name in findings (a path relative to the working directory, or a migration's name). */
  readonly file: string;
  /** `server_version_num` of the server the file will run on. */
  readonly serverVersion: number;
  /** The target database's tables, when there is one: a table it knows to be empty blocks no one. */
  readonly catalog?: LintCatalog | undefined;
  /**
   * Statements an earlier run committed (a SQL migration's ledger cursor): they run no more, so
   * their findings are left out; they are still read, for the tables they created.
   */
  readonly from?: number;
}

/** A linted file: its report, and the text its findings point into (COPY data left out), for code frames. */
export interface LintedFile extends LintReport {
  readonly text: string;
  /** The tables its statements create, as the linter names them (`schema.table`): a migration after it finds them empty. */
  readonly creates: readonly string[];
}

/**
 * Lints a SQL file (core's `lintSql`) as `wesley migrate` would run it: psql's split of the
 * streamed file (`readLintSource`), each statement parsed with PostgreSQL's parser. What
 * `wesley lint` prints and what `migrate` refuses before its first statement come from here.
 */
export async function lintSqlFile(path: string, options: LintSqlFileOptions): Promise<LintedFile> {
  await loadSqlParser();
  const source = await readLintSource(path);
  const report = lintSql({
    file: options.file,
    text: source.text,
    statements: source.statements,
    serverVersion: options.serverVersion,
    ...(options.catalog === undefined ? {} : { catalog: options.catalog }),
  });
  const from = options.from ?? 0;
  const first = source.statements[from];
  const findings =
    from === 0 ? report.findings : first === undefined ? [] : report.findings.filter((finding) => finding.line >= first.line);
  // The tables it creates, in the schema its search_path puts each in.
  return { ...report, findings, text: source.text, creates: report.creates ?? [] };
}
