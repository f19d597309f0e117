import type { SchemaIR } from '@wesley/core';
import { introspect } from '../introspect/introspect.js';
import type { Queryable } from '../introspect/queryable.js';
import { driftFindings, type DriftFinding } from './drift-finding.js';

export interface DriftOptions {
  /** The PostgreSQL schema to read (default `public`). Wesley's own `wesley` schema is never compared. */
  readonly schema?: string;
}

/** Introspects the live database and reports every difference from `expected`. */
export async function detectDrift(db: Queryable, expected: SchemaIR, options: DriftOptions = {}): Promise<DriftFinding[]> {
  const live = await introspect(db, { schema: options.schema ?? 'public' });
  return driftFindings(live, expected);
}
