import { describe, expect, it } from 'vitest';
import { concurrentIndexTarget, isSessionSetting } from '../../src/migrate/transaction-rules.js';

describe('concurrentIndexTarget', () => {
  it('reads the index and its table as written, quoted, qualified or not', () => {
    expect(concurrentIndexTarget('CREATE INDEX CONCURRENTLY account_email_idx ON public.account USING btree (email);')).toEqual({
      index: 'account_email_idx',
      table: 'public.account',
    });
    expect(concurrentIndexTarget('/* c */ create unique index concurrently if not exists "Odd ""Name""" on "My Schema"."T" (a);')).toEqual({
      index: '"Odd ""Name"""',
      table: '"My Schema"."T"',
    });
    expect(concurrentIndexTarget('CREATE INDEX CONCURRENTLY on_idx ON only_table (a);')).toEqual({ index: 'on_idx', table: 'only_table' });
  });

  it('is null for an index without a name, and for other statements', () => {
    expect(concurrentIndexTarget('CREATE INDEX CONCURRENTLY ON account (email);')).toBeNull();
    expect(concurrentIndexTarget('CREATE INDEX account_email_idx ON account (email);')).toBeNull();
    expect(concurrentIndexTarget('DROP INDEX CONCURRENTLY account_email_idx;')).toBeNull();
  });
});

describe('isSessionSetting', () => {
  it('is true for settings that outlive their transaction, as pg_dump writes them', () => {
    for (const sql of [
      'SET check_function_bodies = false;',
      "SET client_encoding = 'UTF8';",
      'SET SESSION search_path = app, public;',
      'RESET search_path;',
      "SELECT pg_catalog.set_config('search_path', '', false);",
      "select set_config('search_path', 'app', FALSE);",
    ]) {
      expect(isSessionSetting(sql), sql).toBe(true);
    }
  });

  it('is false for settings local to a transaction, and for other statements', () => {
    for (const sql of [
      'SET LOCAL search_path = app;',
      'SET TRANSACTION ISOLATION LEVEL SERIALIZABLE;',
      'SET CONSTRAINTS ALL DEFERRED;',
      "SELECT set_config('search_path', 'app', true);",
      "SELECT set_config('a.b', 'x', false), count(*) FROM account;",
      'SELECT 1;',
      'CREATE TABLE settings (id integer);',
    ]) {
      expect(isSessionSetting(sql), sql).toBe(false);
    }
  });
});
