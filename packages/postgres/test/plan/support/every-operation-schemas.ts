import { compileSchema, type SchemaIR, type TableIR } from '@wesley/core';

/**
 * Version 1 of the zero-blocking fixture: live tables that every kind of planned change touches
 * in {@link everyOperationV2}. Comments in v2 name the change each difference makes.
 */
const v1 = `
enum OrderStatus { PENDING PAID SHIPPED }
enum LegacyMood { HAPPY SAD }

type Customer @wes_table(name: "customers") @wes_index(columns: ["name"], name: "customers_name_idx") {
  id: BigInt! @wes_pk
  email: String! @wes_column(type: "varchar(40)") @wes_unique(name: "customers_email_key")
  name: String!
  nickname: String
  mood: LegacyMood
  note: String @wes_default(value: "n/a")
  tier: String! @wes_default(value: "basic")
}

type Order @wes_table(name: "orders")
  @wes_index(columns: ["status"], name: "orders_status_idx")
  @wes_index(columns: ["comment"], name: "orders_comment_idx") {
  id: BigInt! @wes_pk
  customerId: BigInt! @wes_fk(ref: "Customer.id", name: "orders_customer_fk")
  status: OrderStatus!
  qty: Int! @wes_default(value: 1)
  amount: Decimal! @wes_column(type: "numeric(12,2)") @wes_check(expr: "amount >= 0", name: "orders_amount_check")
  comment: String
  refCode: String!
}

type LineItem @wes_table(name: "line_items")
  @wes_unique(columns: ["sku"], name: "line_items_sku_key")
  @wes_check(expr: "qty > 0", name: "line_items_qty_positive") {
  id: BigInt! @wes_pk
  orderId: BigInt!
  sku: String!
  qty: Int!
}

type Payment @wes_table(name: "payments") @wes_check(expr: "amount >= 0", name: "payments_amount_check") {
  id: BigInt! @wes_pk
  orderId: BigInt! @wes_fk(ref: "Order.id", name: "payments_order_fk")
  amount: Decimal! @wes_column(type: "numeric(12,2)")
  code: String! @wes_unique(name: "payments_code_key")
}

type Shipment @wes_table(name: "shipments") {
  id: BigInt! @wes_pk
  orderId: BigInt!
  carrier: String!
}

type Event @wes_table(name: "events") {
  id: BigInt! @wes_pk
  source: String!
  payload: JSON
}

type AuditEntry @wes_table(name: "audit_entries") {
  id: BigInt! @wes_pk
  message: String!
}

type LegacyNote @wes_table(name: "legacy_notes") {
  id: BigInt! @wes_pk
  customerId: BigInt! @wes_fk(ref: "Customer.id", name: "legacy_notes_customer_fk")
  body: String!
}
`;

const v2 = `
enum OrderStatus { PENDING PAID REFUNDED SHIPPED }  # addEnumValue
enum Priority { LOW HIGH }                         # createEnum; LegacyMood: dropEnum

type Customer @wes_table(name: "customers")
  @wes_index(columns: ["name"], name: "customers_by_name_idx") {           # renameIndex
  id: BigInt! @wes_pk
  email: String! @wes_column(type: "varchar(120)") @wes_unique(name: "customers_email_key")  # alterColumnType (catalog)
  name: String!
  handle: String @wes_renamed(from: "nickname") @wes_unique(name: "customers_handle_key")  # renameColumn, addUnique
  note: String                                         # alterDefault (dropped); mood: dropColumn
  tier: String! @wes_default(value: "standard")        # alterDefault (changed)
}

type Order @wes_table(name: "orders")
  @wes_index(columns: ["status", "id"], name: "orders_status_idx")          # replaceIndex
  @wes_index(columns: ["customerId"], name: "orders_customer_idx") {        # addIndex; orders_comment_idx: dropIndex
  id: BigInt! @wes_pk
  customerId: BigInt! @wes_fk(ref: "Customer.id", name: "orders_customer_fk", onDelete: "CASCADE")  # alterForeignKey
  status: OrderStatus!
  qty: BigInt! @wes_default(value: 1)                  # alterColumnType (shadow column, backfill)
  amount: Decimal! @wes_column(type: "numeric(12,2)")
    @wes_check(expr: "amount >= 0 AND amount < 1000000", name: "orders_amount_check")       # alterCheck
  comment: String!                                     # setNotNull
  refCode: String                                      # dropNotNull
  priority: Priority! @wes_default(value: LOW)         # addColumn (instant default)
  memo: String                                         # addColumn (nullable)
  placedAt: DateTime! @wes_default(expr: "clock_timestamp()")  # addColumn (volatile: backfill, NOT NULL)
}

type LineItem @wes_table(name: "line_items")
  @wes_unique(columns: ["orderId", "sku"], name: "line_items_sku_key")      # alterUnique
  @wes_check(expr: "qty > 0", name: "line_items_qty_check")                # renameConstraint
  @wes_check(expr: "sku <> ''", name: "line_items_sku_nonempty") {         # addCheck
  id: BigInt! @wes_pk
  orderId: BigInt! @wes_fk(ref: "Order.id", name: "line_items_order_fk")  # addForeignKey
  sku: String!
  qty: Int!
}

type Payment @wes_table(name: "payments") {  # addPrimaryKey; dropCheck
  id: BigInt! @wes_pk
  orderId: BigInt!                           # dropForeignKey
  amount: Decimal! @wes_column(type: "numeric(12,2)")
  code: String!                              # dropUnique
}

type Shipment @wes_table(name: "shipments") {  # dropPrimaryKey (edited out below)
  id: BigInt! @wes_pk
  orderId: BigInt!
  carrier: String!
}

type Event @wes_table(name: "events") @wes_pk(columns: ["source", "id"]) {  # alterPrimaryKey
  id: BigInt!
  source: String!
  payload: JSON
}

type AuditLog @wes_table(name: "audit_log") @wes_renamed(from: "audit_entries") {  # renameTable; its key: renameConstraint
  id: BigInt! @wes_pk
  message: String!
}

type Refund @wes_table(name: "refunds") {  # createTable (+ addForeignKey of a new table); legacy_notes: dropTable
  id: BigInt! @wes_pk
  orderId: BigInt! @wes_fk(ref: "Order.id", name: "refunds_order_fk")
  amount: Decimal! @wes_column(type: "numeric(12,2)")
}
`;

function compile(name: string, body: string): SchemaIR {
  const { ir, diagnostics } = compileSchema({ name, body });
  if (ir === null || diagnostics.length > 0) throw new Error(`${name} does not compile cleanly: ${JSON.stringify(diagnostics)}`);
  return ir;
}

/** The SDL requires a primary key on every table; a live database need not have one. */
function withoutPrimaryKey(schema: SchemaIR, table: string): SchemaIR {
  if (!schema.tables.some((t) => t.name === table)) throw new Error(`no table ${table} in the fixture`);
  return { ...schema, tables: schema.tables.map((t): TableIR => (t.name === table ? { ...t, primaryKey: null } : t)) };
}

/** Before: `payments` has no primary key (it gets one). */
export const everyOperationV1: SchemaIR = withoutPrimaryKey(compile('every-operation-v1.graphql', v1), 'payments');

/** After: `shipments` loses its primary key. */
export const everyOperationV2: SchemaIR = withoutPrimaryKey(compile('every-operation-v2.graphql', v2), 'shipments');
