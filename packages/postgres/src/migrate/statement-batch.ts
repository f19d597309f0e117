import type pg from 'pg';

/**
 * Several statements of a SQL file sent as one simple-protocol Query message (a node-postgres
 * `Submittable`, as pg-copy-streams and pg-cursor are). The server runs them one after the other
 * in the open transaction and answers each with CommandComplete (or EmptyQueryResponse), then
 * stops at the first error: the count of answers before the error says which statement failed.
 * Result rows are not kept (a migration's SELECTs are run for their effects).
 */
export class StatementBatch implements pg.Submittable {
  /** Statements answered so far. */
  completed = 0;
  /** PostgreSQL's error, when a statement failed. */
  error: unknown = null;
  /** Settles (never rejects) once the server has answered the whole batch, or failed it. */
  readonly done: Promise<void>;
  private settle!: () => void;

  constructor(
    /** The statements, each ending in its `;`, one after the other. */
    readonly statements: readonly string[],
    /** The file line of each statement, for errors. */
    readonly lines: readonly number[],
  ) {
    this.done = new Promise((resolve) => {
      this.settle = resolve;
    });
  }

  submit(connection: pg.Connection): void {
    connection.query(this.statements.join('\n'));
  }

  handleRowDescription(): void {}

  handleDataRow(): void {}

  handleCommandComplete(): void {
    this.completed++;
  }

  handleEmptyQuery(): void {
    this.completed++;
  }

  handlePortalSuspended(): void {}

  handleCopyInResponse(connection: pg.Connection): void {
    // A COPY FROM STDIN the lexer did not recognise: it has no data here; fail it, as the server then ends it.
    (connection as unknown as { sendCopyFail(message: string): void }).sendCopyFail('COPY FROM STDIN without its data');
  }

  handleCopyData(): void {}

  // node-postgres stops routing messages to a query after its error: the batch ends here.
  handleError(error: unknown): void {
    this.error = error;
    this.settle();
  }

  handleReadyForQuery(): void {
    this.settle();
  }
}
