import { describe, expect, it } from 'vitest';
import { planRefusal, planSteps } from '../step-facts.js';

const account = 'type Account @wes_table { id: ID! @wes_pk }';
const post = 'type Post @wes_table { id: ID! @wes_pk  accountId: ID @wes_fk(ref: "Account.id") }';

describe('dropTable', () => {
  it('is refused without allowDestructive (WES101): the rows would be lost', () => {
    expect(planRefusal(account + post, account)).toEqual([
      {
        file: 'schema',
        line: 1,
        column: 1,
        code: 'WES101',
        severity: 'error',
        message: 'table post and every row in it are lost; this plan would lose data and is refused by default',
        help: 'check that the data is no longer needed (and backed up), then plan again with --allow-destructive',
      },
    ]);
  });

  it('drops the table in contract, irreversibly, locking the tables its foreign keys reference', () => {
    const { steps, diagnostics } = planSteps(account + post, account, { allowDestructive: true });
    expect(diagnostics).toEqual([]);
    expect(steps).toEqual([
      {
        id: 'drop-table:post',
        phase: 'contract',
        sql: ['DROP TABLE post;'],
        transactional: true,
        locks: ['account: AccessExclusiveLock', 'post: AccessExclusiveLock'],
        rewrites: false,
        scans: false,
        backfill: null,
        reversible: false,
        rollback: null,
      },
    ]);
  });

  it('drops a referenced table after the foreign keys that point at it', () => {
    const unlinked = 'type Post @wes_table { id: ID! @wes_pk  accountId: ID }';
    const { steps } = planSteps(account + post, unlinked, { allowDestructive: true });
    expect(steps.map((s) => [s.id, s.locks])).toEqual([
      ['drop-foreign-key:post.post_account_id_fkey', ['account: AccessExclusiveLock', 'post: AccessExclusiveLock']],
      ['drop-table:account', ['account: AccessExclusiveLock']],
    ]);
  });

  it('drops the keys between dropped tables first, so no DROP TABLE meets a key still pointing at it (cycles too)', () => {
    const tag = 'type Tag @wes_table { id: ID! @wes_pk }';
    const cycle = `type Author @wes_table { id: ID! @wes_pk  bookId: ID @wes_fk(ref: "Book.id") }
      type Book @wes_table { id: ID! @wes_pk  authorId: ID @wes_fk(ref: "Author.id")  sequelOf: ID @wes_fk(ref: "Book.id") }`;
    const { steps } = planSteps(tag + cycle, tag, { allowDestructive: true });
    expect(steps.map((s) => [s.id, s.sql])).toEqual([
      ['drop-foreign-key:author.author_book_id_fkey', ['ALTER TABLE author DROP CONSTRAINT author_book_id_fkey;']],
      ['drop-foreign-key:book.book_author_id_fkey', ['ALTER TABLE book DROP CONSTRAINT book_author_id_fkey;']],
      // The self-reference goes with its table.
      ['drop-table:author', ['DROP TABLE author;']],
      ['drop-table:book', ['DROP TABLE book;']],
    ]);
  });
});
