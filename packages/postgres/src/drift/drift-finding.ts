import { diffSchemas, type Change, type DiagnosticCode, type SchemaIR } from '@wesley/core';

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
  const kind = change.kind;
  if (kind === 'setNotNull') return ['WES203', `${noun(change)} is NOT NULL in the schema but nullable in the database`];
  if (kind === 'dropNotNull') return ['WES203', `${noun(change)} is nullable in the schema but NOT NULL in the database`];
  if (kind.startsWith('add') || kind.startsWith('create')) return ['WES201', `${noun(change)} is missing from the database`];
  if (kind.startsWith('drop')) return ['WES202', `${noun(change)} is in the database but not in the schema`];
  return ['WES203', `${noun(change)} differs: ${change.impact.reason}`];
}

function noun(change: Change): string {
  switch (change.kind) {
    case 'createEnum':
    case 'dropEnum':
      return `enum ${change.enum.name}`;
    case 'addEnumValue':
      return `enum label ${change.enum}.${change.value}`;
    case 'alterEnumValues':
      return `enum ${change.to.name}`;
    case 'createTable':
    case 'dropTable':
    case 'renameTable':
    case 'alterPartition':
      return `table ${change.table}`;
    case 'addColumn':
    case 'dropColumn':
      return `column ${change.table}.${change.column.name}`;
    case 'renameColumn':
      return `column ${change.table}.${change.to}`;
    case 'setNotNull':
    case 'dropNotNull':
      return `column ${change.table}.${change.column}`;
    case 'alterColumnType':
    case 'alterDefault':
    case 'alterGenerated':
      return `column ${change.table}.${change.to.name}`;
    case 'addIndex':
    case 'dropIndex':
      return `index ${change.index.name} on ${change.table}`;
    case 'replaceIndex':
      return `index ${change.to.name} on ${change.table}`;
    case 'renameIndex':
      return `index ${change.to} on ${change.table}`;
    case 'renameConstraint':
      return `constraint ${change.to} on ${change.table}`;
    case 'addPrimaryKey':
    case 'dropPrimaryKey':
      return `primary key ${change.primaryKey.name} on ${change.table}`;
    case 'addUnique':
    case 'dropUnique':
      return `unique constraint ${change.unique.name} on ${change.table}`;
    case 'addForeignKey':
    case 'dropForeignKey':
      return `foreign key ${change.foreignKey.name} on ${change.table}`;
    case 'addCheck':
    case 'dropCheck':
      return `check ${change.check.name} on ${change.table}`;
    case 'alterPrimaryKey':
    case 'alterUnique':
    case 'alterForeignKey':
    case 'alterCheck':
      return `constraint ${change.to.name} on ${change.table}`;
  }
}
