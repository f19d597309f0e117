/** Anything that runs a parameterised query: a node-postgres `Client`, or a Wesley `Connection`. */
export interface Queryable {
  query<Row extends object>(text: string, values?: unknown[]): Promise<{ rows: Row[] }>;
}
