import type pg from 'pg';
import { StatementBatch } from './statement-batch.js';

/** A statement that failed in a batch: its line in the file and PostgreSQL's error. */
export class PipelinedStatementError extends Error {
  constructor(
    readonly line: number,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'PipelinedStatementError';
  }
}

/** A batch is sent once it holds this many characters or statements. */
const batchChars = 64 * 1024;
const batchStatements = 1000;

/**
 * Runs the ordinary statements of a SQL file inside the open transaction in batches (one Query
 * message of many statements, {@link StatementBatch}), one batch executing while the next is
 * queued behind it and the lexer reads on. A statement per message and a round trip each (what
 * `psql -f` does) cost the server and this process more per statement than the statements
 * themselves on files of many small ones; batched, both do a fraction of the work. Memory holds
 * two batches at most.
 *
 * The server parses a whole message before it runs any of it, so batching must not change what a
 * statement means:
 * - a statement that may be empty to the server (one starting with a comment or `;`, which
 *   would get no answer inside a batch) goes in a batch of its own;
 * - a batch ends after `SET`, `RESET` or `set_config(...)`: a setting such as
 *   `standard_conforming_strings` changes how what follows is parsed.
 * A failing statement is found by the error's position (a syntax error fails the whole message)
 * or by the count of statements answered before the error. Two differences from psql, both only
 * in which error a broken file reports: a syntax error wins over an earlier statement of its
 * batch that would have failed when run; a statement that psql's `\;` made of several shifts
 * the count.
 */
export class StatementPipeline {
  private statements: string[] = [];
  private lines: number[] = [];
  private chars = 0;
  private readonly sent: StatementBatch[] = [];

  constructor(private readonly client: pg.Client) {}

  /** Adds a statement (from `line` of the file); throws a {@link PipelinedStatementError} once a statement sent before failed. */
  async send(sql: string, line: number): Promise<void> {
    const alone = !/^[a-z]/i.test(sql);
    if (alone) await this.flush();
    this.statements.push(sql);
    this.lines.push(line);
    this.chars += sql.length;
    if (alone || this.chars >= batchChars || this.statements.length >= batchStatements || changesSettings(sql)) await this.flush();
  }

  /** Sends what is pending and waits for every batch; throws the first failure. */
  async drain(): Promise<void> {
    await this.flush();
    while (this.sent.length > 0) await this.settle();
  }

  /** Sends the pending statements as a batch, then waits until at most one batch is in flight. */
  private async flush(): Promise<void> {
    if (this.statements.length > 0) {
      const batch = new StatementBatch(this.statements, this.lines);
      this.statements = [];
      this.lines = [];
      this.chars = 0;
      this.client.query(batch);
      this.sent.push(batch);
    }
    while (this.sent.length > 1) await this.settle();
  }

  private async settle(): Promise<void> {
    const batch = this.sent.shift();
    if (batch === undefined) return;
    await batch.done;
    if (batch.error === null) return;
    // The batches behind it fail too (the transaction is aborted): wait for them, keep the first error.
    for (const later of this.sent.splice(0)) await later.done;
    this.statements = [];
    this.lines = [];
    this.chars = 0;
    const index = failedStatement(batch);
    throw new PipelinedStatementError(batch.lines[index] ?? batch.lines.at(-1) ?? 0, batch.error);
  }
}

function changesSettings(sql: string): boolean {
  return /^(set|reset)\b/i.test(sql) || /^select\s+(pg_catalog\s*\.\s*)?set_config\b/i.test(sql);
}

/** Index in its batch of the statement that failed. */
function failedStatement(batch: StatementBatch): number {
  // PostgreSQL counts the position in characters of the whole message, from 1.
  const position = Number((batch.error as { position?: unknown } | null)?.position);
  if (Number.isInteger(position) && position > 0) {
    let end = 0;
    for (const [index, statement] of batch.statements.entries()) {
      end += [...statement].length + 1;
      if (position <= end) return index;
    }
  }
  return batch.completed;
}
