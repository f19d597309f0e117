import { describe, expect, it } from 'vitest';
import { column, schema, table } from '../../support/ir-builder.js';
import { planSteps } from '../step-facts.js';

const account = 'type Account @wes_table { id: ID! @wes_pk  name: String }';

describe('createTable', () => {
  it('creates the table with its keys, checks and (plain) indexes in one transaction; foreign keys follow as their own steps', () => {
    const { steps, diagnostics } = planSteps(
      account,
      `${account}
       enum Kind { NOTE LINK }
       type Post @wes_table @wes_index(columns: ["kind", "title"]) {
         id: ID! @wes_pk
         accountId: ID! @wes_fk(ref: "Account.id")
         title: String! @wes_unique @wes_check(expr: "title <> ''")
         kind: Kind! @wes_default(value: NOTE)
       }`,
    );
    expect(diagnostics).toEqual([]);
    expect(steps.map((s) => s.id)).toEqual(['create-enum:kind', 'create-table:post', 'add-foreign-key:post.post_account_id_fkey']);
    expect(steps[1]).toEqual({
      id: 'create-table:post',
      phase: 'expand',
      sql: [
        "CREATE TABLE post (\n    id uuid NOT NULL,\n    account_id uuid NOT NULL,\n    title text NOT NULL,\n    kind kind DEFAULT 'NOTE' NOT NULL,\n    CONSTRAINT post_pkey PRIMARY KEY (id),\n    CONSTRAINT post_title_key UNIQUE (title),\n    CONSTRAINT post_title_check CHECK (title <> '')\n);",
        'CREATE INDEX post_kind_title_idx ON post (kind, title);',
      ],
      transactional: true,
      // The index builds hold SHARE besides the new table's ACCESS EXCLUSIVE.
      locks: ['post: ShareLock', 'post: AccessExclusiveLock'],
      rewrites: false,
      scans: false,
      backfill: null,
      reversible: true,
      rollback: { sql: ['DROP TABLE IF EXISTS post;'], transactional: true, locks: ['post: AccessExclusiveLock'] },
    });
  });

  it('takes only ACCESS EXCLUSIVE for a table with no index', () => {
    const { steps } = planSteps(schema([]), schema([table('event', [column('payload', 'text', { nullable: true })])]));
    expect(steps).toEqual([
      {
        id: 'create-table:event',
        phase: 'expand',
        sql: ['CREATE TABLE event (\n    payload text\n);'],
        transactional: true,
        locks: ['event: AccessExclusiveLock'],
        rewrites: false,
        scans: false,
        backfill: null,
        reversible: true,
        rollback: { sql: ['DROP TABLE IF EXISTS event;'], transactional: true, locks: ['event: AccessExclusiveLock'] },
      },
    ]);
  });

  it('creates every table of a cycle before any foreign key between them', () => {
    const { steps } = planSteps(
      'type Tag @wes_table { id: ID! @wes_pk }',
      `type Tag @wes_table { id: ID! @wes_pk }
       type Author @wes_table { id: ID! @wes_pk  favouriteBookId: ID @wes_fk(ref: "Book.id") }
       type Book @wes_table { id: ID! @wes_pk  authorId: ID @wes_fk(ref: "Author.id") }`,
    );
    expect(steps.map((s) => s.id)).toEqual([
      'create-table:author',
      'create-table:book',
      'add-foreign-key:author.author_favourite_book_id_fkey',
      'add-foreign-key:book.book_author_id_fkey',
    ]);
  });
});
