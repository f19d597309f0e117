import { describe, expect, it } from 'vitest';
import type { ForeignKeyIR } from '../../src/ir/types.js';
import { constraintSql } from '../../src/ddl/constraint-sql.js';

const fk: ForeignKeyIR = {
  kind: 'foreignKey',
  name: 'orders_user_id_fkey',
  columns: ['user_id'],
  refTable: 'users',
  refColumns: ['id'],
  onDelete: 'NO ACTION',
  onUpdate: 'NO ACTION',
  deferrable: false,
  initiallyDeferred: false,
};

describe('constraintSql', () => {
  it('spells primary keys, uniques and checks', () => {
    expect(constraintSql({ kind: 'primaryKey', name: 't_pkey', columns: ['a', 'order'] })).toBe(
      'CONSTRAINT t_pkey PRIMARY KEY (a, "order")',
    );
    expect(constraintSql({ kind: 'unique', name: 't_email_key', columns: ['email'] })).toBe('CONSTRAINT t_email_key UNIQUE (email)');
    expect(constraintSql({ kind: 'check', name: 't_n_check', expr: 'n > 0 AND n < 10' })).toBe(
      'CONSTRAINT t_n_check CHECK (n > 0 AND n < 10)',
    );
  });

  it('omits NO ACTION, which is the default', () => {
    expect(constraintSql(fk)).toBe('CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id)');
  });

  it('spells referential actions and deferral', () => {
    expect(constraintSql({ ...fk, onDelete: 'CASCADE', onUpdate: 'SET NULL' })).toBe(
      'CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE SET NULL',
    );
    expect(constraintSql({ ...fk, onUpdate: 'RESTRICT', deferrable: true })).toBe(
      'CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON UPDATE RESTRICT DEFERRABLE',
    );
    expect(constraintSql({ ...fk, onDelete: 'SET DEFAULT', deferrable: true, initiallyDeferred: true })).toBe(
      'CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET DEFAULT DEFERRABLE INITIALLY DEFERRED',
    );
  });

  it('references the primary key by omission when no columns are named', () => {
    expect(constraintSql({ ...fk, refColumns: [] })).toBe('CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users');
  });

  it('quotes every identifier that needs it', () => {
    expect(constraintSql({ ...fk, name: 'Weird "fk"', columns: ['user'], refTable: 'user', refColumns: ['Id'] })).toBe(
      'CONSTRAINT "Weird ""fk""" FOREIGN KEY ("user") REFERENCES "user" ("Id")',
    );
  });
});
