import type { SchemaIR } from '@wesley/core';
import { introspect } from '../introspect/introspect.js';
import { matchSchemaSpelling } from '../spelling/match-schema-spelling.js';
import type { SpellingSession } from '../spelling/spell-on-server.js';
import { driftFindings, type DriftFinding } from './drift-finding.js';

export interface DriftOptions {
  /** The PostgreSQL schema to read (default `public`). Wesley's own `wesley` schema is never compared. */
  readonly schema?: string;
}

/** What {@link detectDrift} found. */
export interface DriftReport {
  readonly findings: readonly DriftFinding[];
  /** Set when expressions were compared as text (see `matchSchemaSpelling`). */
  readonly notice: string | null;
}

/**
 * Introspects the live database and reports every difference from `expected`. Expressions
 * compare as the server stores them, so `a < b + 1` in the schema matches the `(a < (b + 1))`
 * the catalog holds.
 */
export async function detectDrift(db: SpellingSession, expected: SchemaIR, options: DriftOptions = {}): Promise<DriftReport> {
  const schema = options.schema ?? 'public';
  const live = await introspect(db, { schema });
  const { ir, notice } = await matchSchemaSpelling(db, live, expected, schema);
  return { findings: driftFindings(ir, expected), notice };
}
