import { describeChange, diffSchemas, type Change, type DiagnosticCode, type SchemaIR } from '@wesley/core';

/** One way the live database differs from the schema. */
export interface DriftFinding {
  /** WES201 missing from the database, WES202 only in the database, WES203 different. */
  readonly code: DiagnosticCode;
  readonly message: string;
  /** The change that would repair it (the plan from the database to the schema). */
  readonly change: Change;
}

/**
 * The differences between `live` (introspected) and `expected` (compiled), one finding per
 * change of the plan that would bring the database back to the schema: an `add*` change is
 * something missing from the database, a `drop*` change something only the database has, and
 * the rest are differences.
 */
export function driftFindings(live: SchemaIR, expected: SchemaIR): DriftFinding[] {
  return diffSchemas(live, expected).map((change) => {
    const [code, message] = classify(change);
    return { code, message, change };
  });
}

/**
 * The code and message of a change read as drift. NOT NULL is a property of a column, not an
 * object: the database lacking or having one is a difference (WES203), not a missing object.
 */
function classify(change: Change): readonly [DiagnosticCode, string] {
  const { noun, existsIn } = describeChange(change);
  if (change.kind === 'setNotNull') return ['WES203', `${noun} is NOT NULL in the schema but nullable in the database`];
  if (change.kind === 'dropNotNull') return ['WES203', `${noun} is nullable in the schema but NOT NULL in the database`];
  if (existsIn === 'to') return ['WES201', `${noun} is missing from the database`];
  if (existsIn === 'from') return ['WES202', `${noun} is in the database but not in the schema`];
  return ['WES203', `${noun} differs: ${change.impact.reason}`];
}
