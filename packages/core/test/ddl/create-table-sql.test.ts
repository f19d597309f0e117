import { describe, expect, it } from 'vitest';
import { column, table } from '../support/ir-builder.js';
import { createTableSql } from '../../src/ddl/create-table-sql.js';

describe('createTableSql', () => {
  it('inlines the primary key, uniques and checks after the columns', () => {
    const sql = createTableSql(
      table('accounts', [column('id', 'integer'), column('email', 'text'), column('age', 'integer', { nullable: true })], {
        pk: ['id'],
        uniques: [['email']],
        checks: [{ expr: 'age >= 0', column: 'age' }],
      }),
    );
    expect(sql).toBe(
      [
        'CREATE TABLE accounts (',
        '    id integer NOT NULL,',
        '    email text NOT NULL,',
        '    age integer,',
        '    CONSTRAINT accounts_pkey PRIMARY KEY (id),',
        '    CONSTRAINT accounts_email_key UNIQUE (email),',
        '    CONSTRAINT accounts_age_check CHECK (age >= 0)',
        ');',
      ].join('\n'),
    );
  });

  it('leaves foreign keys and indexes out', () => {
    const sql = createTableSql(
      table('a', [column('id', 'integer'), column('b_id', 'integer')], {
        pk: ['id'],
        foreignKeys: [{ columns: ['b_id'], refTable: 'b', refColumns: ['id'] }],
        indexes: [{ columns: ['b_id'] }],
      }),
    );
    expect(sql).not.toMatch(/FOREIGN KEY|REFERENCES|INDEX/);
  });

  it('adds PARTITION BY after the element list', () => {
    const sql = createTableSql(
      table('logs', [column('id', 'integer'), column('at', 'date')], {
        pk: ['id', 'at'],
        partition: { strategy: 'LIST', columns: ['at'] },
      }),
    );
    expect(sql.split('\n').slice(-2)).toEqual([')', 'PARTITION BY LIST (at);']);
  });

  it('quotes a keyword table name', () => {
    expect(createTableSql(table('user', [column('id', 'integer')], { pk: ['id'] })).split('\n')[0]).toBe('CREATE TABLE "user" (');
  });

  it('stays valid SQL for a table without columns or constraints', () => {
    expect(createTableSql(table('empty', []))).toBe('CREATE TABLE empty (\n);');
  });
});
