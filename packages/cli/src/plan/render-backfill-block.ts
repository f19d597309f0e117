import { quoteIdent, quoteLiteral, type Backfill } from '@wesley/core';
import { dollarQuote } from './dollar-quote.js';

/**
 * A backfill for psql, which cannot loop: a `DO` block that runs the planner's keyset batches
 * (`firstBatch`, then `nextBatch` from the key the previous batch returned) until a batch
 * finds no row, committing after each one, so row locks are held on one batch at a time, as
 * the executor does it. `COMMIT` inside `DO` works on PostgreSQL 11 and later (the planner's
 * minimum) when the block is not itself inside a transaction, which is how `psql -f` runs it.
 */
export function renderBackfillBlock(backfill: Backfill, lockTimeout: string): string {
  const cursor = backfill.key.map((column) => `last_key.${quoteIdent(column)}`).join(', ');
  const setLockTimeout = `PERFORM pg_catalog.set_config('lock_timeout', ${quoteLiteral(lockTimeout)}, true);`;
  const body = [
    '',
    'DECLARE',
    '  last_key record;',
    '  batch_rows bigint;',
    'BEGIN',
    `  ${setLockTimeout}`,
    `  EXECUTE ${dollarQuote(backfill.firstBatch, 'batch')}`,
    `    INTO last_key USING ${backfill.batchSize};`,
    '  GET DIAGNOSTICS batch_rows = ROW_COUNT;',
    '  WHILE batch_rows > 0 LOOP',
    '    COMMIT;',
    `    ${setLockTimeout}`,
    `    EXECUTE ${dollarQuote(backfill.nextBatch, 'batch')}`,
    `      INTO last_key USING ${cursor}, ${backfill.batchSize};`,
    '    GET DIAGNOSTICS batch_rows = ROW_COUNT;',
    '  END LOOP;',
    'END',
    '',
  ].join('\n');
  return `DO ${dollarQuote(body, 'wesley_backfill')};`;
}
