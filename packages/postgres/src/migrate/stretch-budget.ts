/**
 * How many statements of a SQL file one transaction ("stretch") runs before it commits, so that
 * it never fills the server's lock table. A transaction keeps every lock it takes until it ends,
 * and the shared lock table has room for about `max_locks_per_transaction` (64 by default) locks
 * per connection slot: a 5,000-table `schema.sql` in one transaction runs out of shared memory
 * (SQLSTATE 53200) where `psql -f`, committing each statement, applies it. Meanwhile every other
 * session that needs a lock would fail the same way.
 *
 * A stretch aims at `max_locks_per_transaction` locks, this session's fair share: after each
 * commit, the locks the stretch held (counted by the server just before `COMMIT`) give the locks
 * per statement, and so the next stretch's length, between 1 and four times the setting (one
 * commit per 256 statements at most for statements that take no new locks, such as inserts into
 * one table). It grows at most twofold per stretch, so a run of cheap statements cannot open a
 * long stretch right before expensive ones. Should a stretch still run out of shared memory (a
 * statement far more expensive than those before it), it is rolled back whole and retried in
 * stretches of a quarter of its length, down to one statement, which is what psql would run.
 */
export class StretchBudget {
  private limit: number;
  private readonly most: number;
  /** Statements run in the open stretch. */
  private open = 0;

  constructor(
    /** The server's `max_locks_per_transaction`. */
    private readonly target: number,
  ) {
    this.limit = Math.max(1, target);
    this.most = Math.max(1, 4 * target);
  }

  /** Counts a statement into the open stretch; `true` when the stretch is full and must commit after it. */
  add(): boolean {
    this.open++;
    return this.open >= this.limit;
  }

  /** The open stretch committed, its transaction holding `locks` locks in the shared lock table. */
  committed(locks: number): void {
    if (this.open > 0) {
      const fit = locks === 0 ? this.most : Math.floor((this.target * this.open) / locks);
      this.limit = Math.max(1, Math.min(fit, 2 * this.limit, this.most));
    }
    this.open = 0;
  }

  /**
   * The open stretch failed and was rolled back. For running out of shared memory (`53200`),
   * returns whether shorter stretches are worth a try, and shortens them; for any other failure
   * (`outOfMemory` false), only forgets the stretch.
   */
  rolledBack(outOfMemory: boolean): boolean {
    const statements = this.open;
    this.open = 0;
    if (!outOfMemory || statements <= 1) return false;
    this.limit = Math.max(1, Math.floor(statements / 4));
    return true;
  }
}
