import { describe, expect, it } from 'vitest';
import { parsedTransactionControl, settledByLexer } from '../../src/migrate/transaction-rules.js';

describe('settledByLexer', () => {
  it('settles only statements in which the parser finds no transaction control', async () => {
    const settled = [
      'SET statement_timeout = 0;',
      "SET client_encoding = 'UTF8';",
      'set search_path to app, public;',
      'SET "local" = 1;',
      'SET transaction_isolation = serializable;',
      'SET local_thing.x = 1;',
      '/* header */ SET check_function_bodies = false;',
      'CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$;',
      "INSERT INTO t VALUES ('a; b');",
    ];
    for (const sql of settled) {
      expect(settledByLexer(sql), sql).toBe(true);
      expect(await parsedTransactionControl(sql), sql).toBeNull();
    }
  });

  it('leaves to the parser every SET that may be local to a transaction, and transaction control', async () => {
    const unsettled: Readonly<Record<string, string | null>> = {
      'SET LOCAL search_path = app;': 'SET LOCAL',
      'SET /* x */ LOCAL search_path = app;': 'SET LOCAL',
      'SET -- x\n LOCAL search_path = app;': 'SET LOCAL',
      'SET TRANSACTION ISOLATION LEVEL SERIALIZABLE;': 'SET TRANSACTION',
      'SET SESSION search_path = app;': null,
      'SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY;': null,
      'BEGIN;': 'BEGIN',
      'LOCK TABLE t;': 'LOCK TABLE',
      'SELECT 1; COMMIT;': 'COMMIT',
      'DO $$ BEGIN COMMIT; END $$;': 'COMMIT in a DO block',
    };
    for (const [sql, control] of Object.entries(unsettled)) {
      expect(settledByLexer(sql), sql).toBe(false);
      expect(await parsedTransactionControl(sql), sql).toBe(control);
    }
  });
});
