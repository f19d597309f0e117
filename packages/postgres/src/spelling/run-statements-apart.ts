import type pg from 'pg';

/** What a query of node-postgres is handed: its client's protocol writer (`pg.Connection`). */
type Wire = pg.Connection & { readonly stream: { cork?(): void; uncork?(): void } };

/**
 * Runs `statements` in order on `client`'s session, each text in a Parse message of its own (the
 * extended query protocol), all written at once and followed by one Sync: one round trip, as a
 * multi-statement simple query takes, but the server parses every text as exactly one statement
 * and refuses a text holding more ("cannot insert multiple commands into a prepared statement")
 * before running any of it. So a text built from a schema can neither end the transaction it
 * runs in (a `COMMIT;` smuggled into an expression) nor run a statement hidden after a `;`.
 * The first error makes the server skip the rest up to the Sync, and rejects with that error.
 */
export function runStatementsApart(client: pg.ClientBase, statements: readonly string[]): Promise<void> {
  if (statements.length === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    client.query(new StatementsApart(statements, resolve, reject));
  });
}

/**
 * A node-postgres `Submittable` (the interface pg-cursor and pg-query-stream use): the client
 * hands it the protocol writer when the session is free and routes the server's replies to its
 * `handle*` methods until ReadyForQuery.
 */
class StatementsApart implements pg.Submittable {
  #failed = false;

  constructor(
    private readonly statements: readonly string[],
    private readonly resolve: () => void,
    private readonly reject: (error: Error) => void,
  ) {}

  submit(connection: pg.Connection): void {
    const wire = connection as Wire;
    // Corked, the messages leave in as few packets as the socket allows.
    wire.stream.cork?.();
    try {
      for (const text of this.statements) {
        // Unnamed statement and portal: each Parse and Bind replaces the previous one.
        wire.parse({ text, name: '', types: [] }, false);
        wire.bind({}, false);
        wire.execute({}, false);
      }
      wire.sync();
    } finally {
      wire.stream.uncork?.();
    }
  }

  handleError(error: Error): void {
    if (this.#failed) return;
    this.#failed = true;
    this.reject(error);
  }

  handleReadyForQuery(): void {
    if (!this.#failed) this.resolve();
  }

  // Replies that carry nothing this runner needs: no Describe is sent, so rows come without a
  // description, and a statement's success is the absence of an error before ReadyForQuery.
  handleCommandComplete(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}

  /** A `COPY ... FROM STDIN` has no data here: ending it with a failure lets the session go on. */
  handleCopyInResponse(connection: pg.Connection): void {
    (connection as Wire & { sendCopyFail(message: string): void }).sendCopyFail('no COPY data: statements run apart take none');
  }
}
