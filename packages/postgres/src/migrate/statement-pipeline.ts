import type pg from 'pg';

/** A pipelined statement that failed: its line in the file and PostgreSQL's error. */
export class PipelinedStatementError extends Error {
  constructor(
    readonly line: number,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'PipelinedStatementError';
  }
}

/** At most this many statements, and this many characters of them, are sent and not yet answered. */
const maxStatements = 256;
const maxChars = 1 << 20;

/**
 * Sends the statements of a SQL file without waiting for each answer, as node-postgres's
 * pipeline mode does: a round trip per statement (what `psql -f` waits for) made the migrator
 * slower than psql on files of many small statements; pipelined, the server works through them
 * back to back while the lexer reads on. Answers come back in order, so the first failure is
 * the failing statement; the statements sent after it fail too (the transaction is aborted) and
 * are ignored. A bounded window keeps memory flat.
 *
 * The client is switched to pipeline mode for the statements and back once they are all answered
 * (`drain`), with nothing in flight either way: `COPY` (pg-copy-streams) and the ledger's queries
 * need the normal mode. node-postgres reads `pipeline` each time it sends, so the switch holds.
 */
export class StatementPipeline {
  private readonly inFlight: { readonly answered: Promise<void>; readonly chars: number }[] = [];
  private chars = 0;
  private failure: PipelinedStatementError | null = null;

  constructor(private readonly client: pg.Client) {}

  /** Sends `sql` (a simple-protocol statement from `line`); throws a {@link PipelinedStatementError} once one sent before failed. */
  async send(sql: string, line: number): Promise<void> {
    if (this.failure !== null) return this.drain();
    this.setPipeline(true);
    const answered = this.client.query(sql).then(
      () => undefined,
      (cause: unknown) => {
        this.failure ??= new PipelinedStatementError(line, cause);
      },
    );
    this.inFlight.push({ answered, chars: sql.length });
    this.chars += sql.length;
    while (this.inFlight.length > maxStatements || this.chars > maxChars) {
      const oldest = this.inFlight.shift();
      if (oldest === undefined) break;
      await oldest.answered;
      this.chars -= oldest.chars;
    }
    if (this.failure !== null) return this.drain();
  }

  /** Waits for every statement sent and leaves the client in its normal mode; throws the first failure. */
  async drain(): Promise<void> {
    await Promise.all(this.inFlight.map((entry) => entry.answered));
    this.inFlight.length = 0;
    this.chars = 0;
    this.setPipeline(false);
    const failure = this.failure;
    this.failure = null;
    if (failure !== null) throw failure;
  }

  private setPipeline(on: boolean): void {
    // Typed read-only (it is a constructor option), but a plain field node-postgres reads per send.
    (this.client as { pipeline: boolean }).pipeline = on;
  }
}
