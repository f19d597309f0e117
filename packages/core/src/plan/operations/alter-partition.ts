import type { Operation } from '../operation.js';

/** PostgreSQL cannot partition, unpartition or repartition a table in place: refused. */
export const alterPartition: Operation<'alterPartition'> = {
  kind: 'alterPartition',
  plan: (change) => ({
    refusal: {
      code: 'WES102',
      message: `partitioning of table ${change.table} changes; PostgreSQL cannot change a table's partitioning in place`,
      help: 'create the new table under another name, copy the rows across, then drop the old table in a later migration',
    },
  }),
};
