import { formatSpan, type RetiredObjectUsage } from '@wesley/core/run';

/** At most this many queries are named per object: the rest are counted. */
const queriesShown = 3;

/**
 * WES361: a migration drops or renames a table, column or index that queries still used within
 * the usage window (config `usageWindow`): run now, those queries would fail. Each object is named
 * with its step, and the queries using it with their `pg_stat_statements` id, calls in the window
 * and text (constants are `$n` there; passwords masked).
 */
export class ObjectStillUsedError extends Error {
  readonly code = 'WES361';
  readonly migration: string;
  readonly help =
    'deploy code that no longer uses it and let the window pass (wesley usage shows the queries), or run with --ignore-usage once that is checked';

  constructor(migration: string, found: readonly RetiredObjectUsage[], windowMs: number) {
    const lines = found.map(({ object, queries, indexScans }) => {
      const what = `${object.object} ${[object.schema, object.name, object.column].filter((part) => part !== null).join('.')}`;
      const evidence =
        object.object === 'index'
          ? [`scanned ${indexScans} ${indexScans === 1 ? 'time' : 'times'}`]
          : queries
              .slice(0, queriesShown)
              .map(({ query, calls }) => `query ${query.queryId} (${calls} ${calls === 1 ? 'call' : 'calls'}): ${query.query}`);
      const more = queries.length > queriesShown ? [`and ${queries.length - queriesShown} more queries`] : [];
      return `\n  ${object.stepId} ${object.action === 'drop' ? 'drops' : 'renames'} ${what}, used in the last ${formatSpan(windowMs)}:${[...evidence, ...more].map((line) => `\n    ${line}`).join('')}`;
    });
    super(`migration ${migration} retires objects still in use:${lines.join('')}`);
    this.name = 'ObjectStillUsedError';
    this.migration = migration;
  }
}
