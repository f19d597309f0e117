/**
 * A synthetic Wesley schema of `tableCount` tables, the same text for every run: each table has
 * a UUID primary key and about a dozen columns covering every built-in scalar (String, Int,
 * BigInt, Float, Decimal, Boolean, DateTime, Date, Time, JSON), a list, an enum, a unique, a
 * check, a single-column and a composite index, and (after the first) a foreign key to an
 * earlier table with its relation field.
 */
export function syntheticSchema(tableCount) {
  const parts = [
    'scalar UUID\nscalar BigInt\nscalar Decimal\nscalar DateTime\nscalar Date\nscalar Time\nscalar JSON\n',
    'enum Status {\n  DRAFT\n  ACTIVE\n  ARCHIVED\n}\n',
    'enum Priority {\n  LOW\n  NORMAL\n  HIGH\n  URGENT\n}\n',
  ];
  for (let i = 0; i < tableCount; i++) parts.push(table(i));
  return parts.join('\n');
}

/** Type name of table `i`: `Table0042`. */
export function tableName(i) {
  return `Table${String(i).padStart(4, '0')}`;
}

function table(i) {
  const name = tableName(i);
  // Parents spread over all earlier tables (a fixed hash, so every run sees the same schema):
  // the FK graph is neither a chain nor a star.
  const parent = i === 0 ? null : tableName((Math.imul(i, 2654435761) >>> 0) % i);
  const enumField = i % 2 === 0 ? 'status: Status! @wes_default(value: "ACTIVE")' : 'priority: Priority! @wes_default(value: "NORMAL")';
  const enumColumn = i % 2 === 0 ? 'status' : 'priority';
  const lines = [
    `type ${name} @wes_table @wes_index(columns: ["${enumColumn}", "createdAt"]) {`,
    '  id: UUID! @wes_pk @wes_default(expr: "gen_random_uuid()")',
    '  name: String!',
    '  code: String! @wes_column(type: "varchar(64)") @wes_unique',
    '  quantity: Int @wes_check(expr: "quantity >= 0")',
    '  total: BigInt',
    '  ratio: Float',
    '  amount: Decimal @wes_column(type: "numeric(12,2)")',
    '  active: Boolean! @wes_default(value: true)',
    `  ${enumField}`,
    '  createdAt: DateTime! @wes_default(expr: "now()") @wes_index',
    '  day: Date',
    '  at: Time',
    '  payload: JSON',
    '  labels: [String!]',
  ];
  if (parent !== null) {
    lines.push(`  parentId: UUID @wes_fk(ref: "${parent}.id", onDelete: "SET NULL")`, `  parent: ${parent} @wes_belongsTo`);
  }
  lines.push('}\n');
  return lines.join('\n');
}
