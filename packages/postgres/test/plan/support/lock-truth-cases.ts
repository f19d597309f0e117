import { compileSchema, type ChangeKind, type SchemaIR, type TableIR } from '@wesley/core';
import { derivedLockTruthCases } from './derived-lock-truth-cases.js';
import { securityLockTruthCases } from './security-lock-truth-cases.js';

/**
 * One migration whose steps the lock-truth suite runs on a table holding rows: the schema
 * before and after, SQL run after the `v1` DDL (partitions), and rows to insert.
 */
export interface LockTruthCase {
  readonly name: string;
  readonly v1: SchemaIR;
  readonly v2: SchemaIR;
  /** Run after `emitDdl(v1)`, before the rows go in. */
  readonly setup?: string;
  readonly seed: string;
  /** The plan is reversible, and its down plan's claims are checked too, run after it. */
  readonly rollback?: true;
}

/** A migration the planner must refuse, with the change kind that makes it refuse. */
export interface RefusalCase {
  readonly name: string;
  readonly refused: ChangeKind;
  readonly v1: SchemaIR;
  readonly v2: SchemaIR;
}

/** Rows per table: enough that builds and validations scan real pages, few enough to stay fast. */
const rows = 2000;
const series = `generate_series(1, ${rows}) AS g`;

function sdl(body: string): SchemaIR {
  const { ir, diagnostics } = compileSchema({ name: 'lock-truth.graphql', body: `${body}\ntype Query { ping: Int }` });
  if (ir === null) throw new Error(`lock-truth fixture does not compile: ${JSON.stringify(diagnostics)}`);
  return ir;
}

/** `schema` with `table` changed by `edit` (for shapes the SDL cannot state: a table without a primary key). */
function editTable(schema: SchemaIR, table: string, edit: (table: TableIR) => TableIR): SchemaIR {
  if (!schema.tables.some((t) => t.name === table)) throw new Error(`no table ${table} in the fixture`);
  return { ...schema, tables: schema.tables.map((t) => (t.name === table ? edit(t) : t)) };
}

const columnsV1 = sdl(`
type Account @wes_table {
  id: BigInt! @wes_pk
  email: String! @wes_column(type: "varchar(10)")
  total: Int
  nickname: String
  legacy: String
  status: String @wes_default(value: "new")
  age: Int
  motto: String!
  handle: String
}`);

const columnsV2 = sdl(`
type Account @wes_table {
  id: BigInt! @wes_pk
  email: String! @wes_column(type: "varchar(20)")
  total: BigInt!
  nick: String @wes_renamed(from: "nickname")
  status: String
  age: Int!
  motto: String
  handle: String @wes_default(value: "anon")
  bio: String
  plan: String! @wes_default(value: "free")
  token: UUID! @wes_default(expr: "gen_random_uuid()")
}`);

const generatedV1 = sdl(`
type Item @wes_table @wes_index(columns: ["price"], name: "item_price_idx") {
  id: BigInt! @wes_pk
  price: Int!
  qty: Int!
  total: Int @wes_computed(expr: "price * qty")
  label: String @wes_computed(expr: "'p' || price::text")
}`);

const generatedV2 = sdl(`
type Item @wes_table @wes_index(columns: ["price"], name: "item_price_idx") {
  id: BigInt! @wes_pk
  price: Int!
  qty: Int!
  total: Int @wes_computed(expr: "price * qty * 2")
  label: String
  twice: Int @wes_computed(expr: "price * 2")
}`);

const constraintsV1 = sdl(`
type Team @wes_table {
  id: BigInt! @wes_pk
  name: String!
}
type Player @wes_table
  @wes_check(expr: "score >= 0", name: "player_score_check")
  @wes_check(expr: "num > 0", name: "player_num_check")
  @wes_unique(columns: ["num"], name: "player_num_key") {
  id: BigInt! @wes_pk
  teamId: BigInt! @wes_fk(ref: "Team.id")
  coachId: BigInt
  formerId: BigInt @wes_fk(ref: "Team.id")
  score: Int!
  num: Int!
  email: String! @wes_unique
  nick: String!
}
type Seat @wes_table @wes_pk(columns: ["row"]) {
  row: Int!
  col: Int!
}`);

const constraintsV2 = sdl(`
type Team @wes_table {
  id: BigInt! @wes_pk
  name: String!
}
type Player @wes_table
  @wes_check(expr: "score >= -1", name: "player_score_check")
  @wes_check(expr: "num < 100000", name: "player_num_max")
  @wes_unique(columns: ["num", "teamId"], name: "player_num_key") {
  id: BigInt! @wes_pk
  teamId: BigInt! @wes_fk(ref: "Team.id", onDelete: "CASCADE")
  coachId: BigInt @wes_fk(ref: "Team.id")
  formerId: BigInt
  score: Int!
  num: Int!
  email: String!
  nick: String! @wes_unique
}
type Seat @wes_table @wes_pk(columns: ["row", "col"]) {
  row: Int!
  col: Int!
}`);

const tablesV1 = sdl(`
enum Mood { HAPPY SAD }
enum Color { RED GREEN }
type Author @wes_table {
  id: BigInt! @wes_pk
  name: String!
  mood: Mood!
  color: Color
}
type Person @wes_table {
  id: BigInt! @wes_pk
  name: String!
}
type Scratch @wes_table {
  id: BigInt! @wes_pk
  authorId: BigInt! @wes_fk(ref: "Author.id")
}`);

const tablesV2 = sdl(`
enum Mood { HAPPY SAD ANGRY }
enum Size { S M L }
type Author @wes_table {
  id: BigInt! @wes_pk
  name: String!
  mood: Mood!
}
type Member @wes_table @wes_renamed(from: "person") {
  id: BigInt! @wes_pk
  name: String!
}
type Book @wes_table {
  id: BigInt! @wes_pk
  authorId: BigInt! @wes_fk(ref: "Author.id")
  size: Size
}`);

const indexesV1 = sdl(`
type Post @wes_table
  @wes_index(columns: ["author", "created"], name: "post_author_created_idx")
  @wes_index(columns: ["title"], name: "post_title_idx")
  @wes_index(columns: ["slug"], name: "post_slug_idx") {
  id: BigInt! @wes_pk
  author: Int!
  created: DateTime!
  title: String!
  slug: String!
  views: Int!
}`);

const indexesV2 = sdl(`
type Post @wes_table
  @wes_index(columns: ["title", "id"], name: "post_title_idx")
  @wes_index(columns: ["slug"], name: "post_slug_lookup_idx")
  @wes_index(columns: ["author", "views"], name: "post_author_views_idx") {
  id: BigInt! @wes_pk
  author: Int!
  created: DateTime! @wes_index(name: "post_created_idx")
  title: String!
  slug: String!
  views: Int! @wes_index(name: "post_popular_idx", where: "views > 1000")
}`);

const keysCompiled = sdl(`
type Ledger @wes_table {
  id: BigInt! @wes_pk
  amount: Int!
}
type Journal @wes_table {
  id: BigInt! @wes_pk
  amount: Int!
}`);

const keysV2Compiled = sdl(`
type Ledger @wes_table {
  id: BigInt! @wes_pk
  amount: Int!
}
type Journal @wes_table {
  id: BigInt! @wes_pk
  amount: Int!
  stamp: UUID @wes_default(expr: "gen_random_uuid()")
}`);

const withoutKey = (table: TableIR): TableIR => ({ ...table, primaryKey: null });

const partitionedV1 = sdl(`
type Club @wes_table {
  id: BigInt! @wes_pk
}
type Event @wes_table @wes_partition(by: "at", strategy: RANGE) @wes_pk(columns: ["id", "at"])
  @wes_index(columns: ["kind"], name: "event_kind_idx")
  @wes_index(columns: ["source"], name: "event_source_idx") {
  id: BigInt!
  at: DateTime!
  kind: String!
  source: String!
  ref: String!
  clubId: BigInt
}`);

const partitionedV2 = sdl(`
type Club @wes_table {
  id: BigInt! @wes_pk
}
type Event @wes_table @wes_partition(by: "at", strategy: RANGE) @wes_pk(columns: ["id", "at"])
  @wes_index(columns: ["source", "kind"], name: "event_source_idx")
  @wes_index(columns: ["ref"], name: "event_ref_idx")
  @wes_unique(columns: ["ref", "at"], name: "event_ref_at_key") {
  id: BigInt!
  at: DateTime!
  kind: String!
  source: String!
  ref: String!
  clubId: BigInt @wes_fk(ref: "Club.id")
}`);

/** Two yearly partitions of each parent, by `at` (the partitioned fixtures' partition key). */
const yearly = (...parents: readonly string[]): string =>
  parents
    .flatMap((parent) => [
      `CREATE TABLE ${parent}_2024 PARTITION OF ${parent} FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');`,
      `CREATE TABLE ${parent}_2025 PARTITION OF ${parent} FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');`,
    ])
    .join('\n');
/** Times spread over 2024 and 2025, so both yearly partitions hold rows. */
const spread = `timestamptz '2024-06-01' + g * interval '4 hours'`;
/** `zone`, partitioned by its key `id`: a partitioned table a foreign key can reference. */
const zoneRanges = [
  `CREATE TABLE zone_low PARTITION OF zone FOR VALUES FROM (MINVALUE) TO (1000);`,
  `CREATE TABLE zone_high PARTITION OF zone FOR VALUES FROM (1000) TO (MAXVALUE);`,
].join('\n');

const partitionedColumnsV1 = sdl(`
type Reading @wes_table @wes_partition(by: "at", strategy: RANGE) @wes_pk(columns: ["id", "at"])
  @wes_index(columns: ["sensor"], name: "reading_sensor_idx") {
  id: BigInt!
  at: DateTime!
  sensor: String!
  nickname: String
  status: String @wes_default(value: "new")
  age: Int
  motto: String!
  handle: String
}`);

const partitionedColumnsV2 = sdl(`
type Reading @wes_table @wes_partition(by: "at", strategy: RANGE) @wes_pk(columns: ["id", "at"])
  @wes_index(columns: ["sensor"], name: "reading_sensor_idx") {
  id: BigInt!
  at: DateTime!
  sensor: String!
  nick: String @wes_renamed(from: "nickname")
  status: String
  age: Int!
  motto: String
  handle: String @wes_default(value: "anon")
  bio: String
  plan: String! @wes_default(value: "free")
  token: UUID! @wes_default(expr: "gen_random_uuid()")
}`);

const partitionedRewritesV1 = sdl(`
type Gauge @wes_table @wes_partition(by: "at", strategy: RANGE) @wes_pk(columns: ["id", "at"])
  @wes_index(columns: ["qty"], name: "gauge_qty_idx") {
  id: BigInt!
  at: DateTime!
  label: String @wes_column(type: "varchar(10)")
  value: Int
  legacy: String
  qty: Int!
  doubled: Int @wes_computed(expr: "qty * 2")
  tripled: Int @wes_computed(expr: "qty * 3")
}`);

const partitionedRewritesV2 = sdl(`
type Gauge @wes_table @wes_partition(by: "at", strategy: RANGE) @wes_pk(columns: ["id", "at"])
  @wes_index(columns: ["qty"], name: "gauge_qty_idx") {
  id: BigInt!
  at: DateTime!
  label: String @wes_column(type: "varchar(20)")
  value: BigInt!
  qty: Int!
  doubled: Int @wes_computed(expr: "qty * 4")
  tripled: Int
  twice: Int @wes_computed(expr: "qty * 2")
}`);

const partitionedConstraintsV1 = sdl(`
type Club @wes_table {
  id: BigInt! @wes_pk
}
type Visit @wes_table @wes_partition(by: "at", strategy: RANGE) @wes_pk(columns: ["id", "at"])
  @wes_check(expr: "score >= 0", name: "visit_score_check")
  @wes_check(expr: "num > 0", name: "visit_num_check")
  @wes_check(expr: "num < 1000000", name: "visit_num_max")
  @wes_unique(columns: ["ref", "at"], name: "visit_ref_at_key")
  @wes_unique(columns: ["num", "at"], name: "visit_num_at_key")
  @wes_unique(columns: ["code", "at"], name: "visit_code_at_key")
  @wes_index(columns: ["kind"], name: "visit_kind_idx") {
  id: BigInt!
  at: DateTime!
  score: Int!
  num: Int!
  ref: String!
  code: String!
  kind: String!
  clubId: BigInt @wes_fk(ref: "Club.id")
  hostId: BigInt @wes_fk(ref: "Club.id")
}
type Tick @wes_table @wes_partition(by: "at", strategy: RANGE) @wes_pk(columns: ["id", "at"]) {
  id: BigInt!
  at: DateTime!
}`);

const partitionedConstraintsV2 = sdl(`
type Club @wes_table {
  id: BigInt! @wes_pk
}
type Visit @wes_table @wes_partition(by: "at", strategy: RANGE) @wes_pk(columns: ["at", "id"])
  @wes_check(expr: "score >= -1", name: "visit_score_check")
  @wes_check(expr: "num < 1000000", name: "visit_num_upper")
  @wes_check(expr: "num <> 0", name: "visit_num_nonzero")
  @wes_unique(columns: ["num", "at", "id"], name: "visit_num_at_key")
  @wes_unique(columns: ["code", "at"], name: "visit_code_at_uq")
  @wes_index(columns: ["kind"], name: "visit_kind_ix") {
  id: BigInt!
  at: DateTime!
  score: Int!
  num: Int!
  ref: String!
  code: String!
  kind: String!
  clubId: BigInt
  hostId: BigInt @wes_fk(ref: "Club.id", onDelete: "CASCADE")
}
type Tick @wes_table @wes_partition(by: "at", strategy: RANGE) @wes_pk(columns: ["id", "at"]) {
  id: BigInt!
  at: DateTime!
}`);

const partitionedTablesV1 = sdl(`
type Zone @wes_table @wes_partition(by: "id", strategy: RANGE) {
  id: BigInt! @wes_pk
  name: String!
}
type Stop @wes_table {
  id: BigInt! @wes_pk
  zoneId: BigInt
}
type Leg @wes_table {
  id: BigInt! @wes_pk
  zoneId: BigInt @wes_fk(ref: "Zone.id")
}
type Lane @wes_table {
  id: BigInt! @wes_pk
  zoneId: BigInt @wes_fk(ref: "Zone.id")
}
type Log @wes_table @wes_partition(by: "at", strategy: RANGE) @wes_pk(columns: ["id", "at"]) {
  id: BigInt!
  at: DateTime!
}`);

const partitionedTablesV2 = sdl(`
type Zone @wes_table @wes_partition(by: "id", strategy: RANGE) {
  id: BigInt! @wes_pk
  name: String!
}
type Stop @wes_table {
  id: BigInt! @wes_pk
  zoneId: BigInt @wes_fk(ref: "Zone.id")
}
type Leg @wes_table {
  id: BigInt! @wes_pk
  zoneId: BigInt
}
type Lane @wes_table {
  id: BigInt! @wes_pk
  zoneId: BigInt @wes_fk(ref: "Zone.id", onDelete: "CASCADE")
}
type Journal @wes_table @wes_renamed(from: "log") @wes_partition(by: "at", strategy: RANGE) @wes_pk(columns: ["id", "at"]) {
  id: BigInt!
  at: DateTime!
}`);

const partitionedDropsV1 = sdl(`
type Zone @wes_table @wes_partition(by: "id", strategy: RANGE) {
  id: BigInt! @wes_pk
}
type Trip @wes_table {
  id: BigInt! @wes_pk
  zoneId: BigInt @wes_fk(ref: "Zone.id")
}
type Old @wes_table @wes_partition(by: "at", strategy: RANGE) @wes_pk(columns: ["id", "at"]) {
  id: BigInt!
  at: DateTime!
}`);

const partitionedDropsV2 = sdl(`
type Zone @wes_table @wes_partition(by: "id", strategy: RANGE) {
  id: BigInt! @wes_pk
}`);

/** A partitioned table, before and after a foreign key to a plain table. */
const partitionedForeignKey = (foreignKey: string) =>
  sdl(`
type Club @wes_table { id: BigInt! @wes_pk }
type Entry @wes_table @wes_partition(by: "at", strategy: RANGE) @wes_pk(columns: ["id", "at"]) {
  id: BigInt!
  at: DateTime!
  clubId: BigInt${foreignKey}
}`);

/** A partitioned table, before and after an index; its fixture gives it a partition that is partitioned in turn. */
const subPartitioned = (index: string) =>
  sdl(`
type Sample @wes_table @wes_partition(by: "at", strategy: RANGE) @wes_pk(columns: ["id", "at"])${index} {
  id: BigInt!
  at: DateTime!
  value: Int!
}`);

/** Migrations that between them make the planner emit a step of every kind it has. */
export const lockTruthCases: readonly LockTruthCase[] = [
  {
    name: 'columns: add (plain, default, volatile default), drop, rename, type (catalog, shadow), NOT NULL, defaults',
    v1: columnsV1,
    v2: columnsV2,
    seed: `INSERT INTO account (id, email, total, nickname, legacy, age, motto) SELECT g, 'u' || g, g, 'n' || g, 'l', g % 90, 'm' FROM ${series};`,
  },
  {
    name: 'generated columns: new expression, expression dropped, generated column added',
    v1: generatedV1,
    v2: generatedV2,
    seed: `INSERT INTO item (id, price, qty) SELECT g, g % 100, 3 FROM ${series};`,
  },
  {
    name: 'constraints: foreign keys, checks, uniques, primary key on new columns',
    v1: constraintsV1,
    v2: constraintsV2,
    seed: [
      `INSERT INTO team (id, name) SELECT g, 't' || g FROM generate_series(1, 50) AS g;`,
      `INSERT INTO player (id, team_id, coach_id, former_id, score, num, email, nick) SELECT g, g % 50 + 1, g % 50 + 1, g % 50 + 1, g, g, 'e' || g, 'n' || g FROM ${series};`,
      `INSERT INTO seat ("row", col) SELECT g, 1 FROM ${series};`,
    ].join('\n'),
  },
  {
    name: 'tables and enums: create with a foreign key, rename, drop; enum create, add value, drop',
    v1: tablesV1,
    v2: tablesV2,
    seed: [
      `INSERT INTO author (id, name, mood, color) SELECT g, 'a' || g, 'HAPPY', 'RED' FROM ${series};`,
      `INSERT INTO person (id, name) SELECT g, 'p' || g FROM ${series};`,
      `INSERT INTO scratch (id, author_id) SELECT g, g FROM ${series};`,
    ].join('\n'),
  },
  {
    name: 'indexes: add (single, partial, composite), drop, replace, rename',
    v1: indexesV1,
    v2: indexesV2,
    seed: `INSERT INTO post (id, author, created, title, slug, views) SELECT g, g % 40, now(), 't' || g, 's' || g, g FROM ${series};`,
  },
  {
    name: 'primary keys: add to a table without one, drop; backfill without a key',
    v1: editTable(keysCompiled, 'ledger', withoutKey),
    v2: editTable(keysV2Compiled, 'journal', withoutKey),
    seed: [
      `INSERT INTO ledger (id, amount) SELECT g, g FROM ${series};`,
      `INSERT INTO journal (id, amount) SELECT g, g FROM ${series};`,
    ].join('\n'),
  },
  {
    name: 'partitioned table: index per partition, drop, replace, unique, foreign key',
    v1: partitionedV1,
    v2: partitionedV2,
    setup: [
      `CREATE TABLE event_2024 PARTITION OF event FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');`,
      `CREATE TABLE event_2025 PARTITION OF event FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');`,
    ].join('\n'),
    seed: [
      `INSERT INTO club (id) SELECT g FROM generate_series(1, 10) AS g;`,
      `INSERT INTO event (id, at, kind, source, ref, club_id) SELECT g, timestamptz '2024-06-01' + g * interval '4 hours', 'k' || g % 7, 's' || g % 13, 'r' || g, g % 10 + 1 FROM ${series};`,
    ].join('\n'),
  },
  {
    name: 'partitioned table: columns added (plain, default, volatile default + backfill), renamed, NOT NULL set and dropped, defaults',
    v1: partitionedColumnsV1,
    v2: partitionedColumnsV2,
    setup: yearly('reading'),
    seed: `INSERT INTO reading (id, at, sensor, nickname, age, motto) SELECT g, ${spread}, 's' || g % 13, 'n' || g, g % 90, 'm' FROM ${series};`,
    rollback: true,
  },
  {
    // The catalog-only type change is here, not in a reversible case: its down plan narrows the type, which
    // rewrites the table, and the rollback does not claim the SHARE locks of that rewrite's index rebuild.
    name: 'partitioned table: column dropped, retyped (catalog, shadow column), expressions changed and dropped, generated column added',
    v1: partitionedRewritesV1,
    v2: partitionedRewritesV2,
    setup: yearly('gauge'),
    seed: `INSERT INTO gauge (id, at, label, value, legacy, qty) SELECT g, ${spread}, 'l' || g % 100, g, 'x', g % 7 FROM ${series};`,
  },
  {
    name: 'partitioned table: checks added, redefined, dropped, renamed; keys redefined, dropped, renamed; foreign keys dropped, redefined; index renamed',
    v1: partitionedConstraintsV1,
    v2: editTable(partitionedConstraintsV2, 'tick', withoutKey),
    setup: yearly('visit', 'tick'),
    seed: [
      `INSERT INTO club (id) SELECT g FROM generate_series(1, 10) AS g;`,
      `INSERT INTO visit (id, at, score, num, ref, code, kind, club_id, host_id) SELECT g, ${spread}, g, g, 'r' || g, 'c' || g, 'k' || g % 7, g % 10 + 1, g % 10 + 1 FROM ${series};`,
      `INSERT INTO tick (id, at) SELECT g, ${spread} FROM ${series};`,
    ].join('\n'),
    rollback: true,
  },
  {
    name: 'partitioned table: primary key added (ON ONLY the parent, each partition built, made its key and attached)',
    v1: editTable(partitionedRewritesV1, 'gauge', withoutKey),
    v2: partitionedRewritesV1,
    setup: yearly('gauge'),
    seed: `INSERT INTO gauge (id, at, label, value, legacy, qty) SELECT g, ${spread}, 'l' || g % 100, g, 'x', g % 7 FROM ${series};`,
    rollback: true,
  },
  {
    name: 'partitioned table with a sub-partitioned partition: unique constraint added, sub-partitions included',
    v1: subPartitioned(''),
    v2: subPartitioned(' @wes_unique(columns: ["value", "at"], name: "sample_value_at_key")'),
    setup: [
      `CREATE TABLE sample_2024 PARTITION OF sample FOR VALUES FROM ('2024-01-01') TO ('2025-01-01') PARTITION BY RANGE (at);`,
      `CREATE TABLE sample_2024_h1 PARTITION OF sample_2024 FOR VALUES FROM ('2024-01-01') TO ('2024-07-01');`,
      `CREATE TABLE sample_2024_h2 PARTITION OF sample_2024 FOR VALUES FROM ('2024-07-01') TO ('2025-01-01');`,
      `CREATE TABLE sample_2025 PARTITION OF sample FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');`,
    ].join('\n'),
    seed: `INSERT INTO sample (id, at, value) SELECT g, ${spread}, g FROM ${series};`,
    rollback: true,
  },
  {
    name: 'partitioned table: foreign key added (before 18: each partition NOT VALID, validated, then the parent), and rolled back',
    v1: partitionedForeignKey(''),
    v2: partitionedForeignKey(' @wes_fk(ref: "Club.id")'),
    setup: yearly('entry'),
    seed: [
      `INSERT INTO club (id) SELECT g FROM generate_series(1, 10) AS g;`,
      `INSERT INTO entry (id, at, club_id) SELECT g, ${spread}, g % 10 + 1 FROM ${series};`,
    ].join('\n'),
    rollback: true,
  },
  {
    name: 'partitioned tables: referenced by foreign keys added, redefined, dropped; renamed',
    v1: partitionedTablesV1,
    v2: partitionedTablesV2,
    setup: [zoneRanges, yearly('log')].join('\n'),
    seed: [
      `INSERT INTO zone (id, name) SELECT g, 'z' || g FROM ${series};`,
      ...['stop', 'leg', 'lane'].map((table) => `INSERT INTO ${table} (id, zone_id) SELECT g, g FROM ${series};`),
      `INSERT INTO log (id, at) SELECT g, ${spread} FROM ${series};`,
    ].join('\n'),
    rollback: true,
  },
  {
    name: 'partitioned tables: one dropped, and a table whose foreign key references one',
    v1: partitionedDropsV1,
    v2: partitionedDropsV2,
    setup: [zoneRanges, yearly('old')].join('\n'),
    seed: [
      `INSERT INTO zone (id) SELECT g FROM ${series};`,
      `INSERT INTO trip (id, zone_id) SELECT g, g FROM ${series};`,
      `INSERT INTO old (id, at) SELECT g, ${spread} FROM ${series};`,
    ].join('\n'),
  },
  {
    // The ON ONLY index of a partitioned partition takes SHARE there (the `partitioned` scope), its partitions' builds SHARE UPDATE EXCLUSIVE.
    name: 'partitioned table with a sub-partitioned partition: index per partition, sub-partitions included',
    v1: subPartitioned(''),
    v2: subPartitioned(' @wes_index(columns: ["value"], name: "sample_value_idx")'),
    setup: [
      `CREATE TABLE sample_2024 PARTITION OF sample FOR VALUES FROM ('2024-01-01') TO ('2025-01-01') PARTITION BY RANGE (at);`,
      `CREATE TABLE sample_2024_h1 PARTITION OF sample_2024 FOR VALUES FROM ('2024-01-01') TO ('2024-07-01');`,
      `CREATE TABLE sample_2024_h2 PARTITION OF sample_2024 FOR VALUES FROM ('2024-07-01') TO ('2025-01-01');`,
      `CREATE TABLE sample_2025 PARTITION OF sample FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');`,
    ].join('\n'),
    seed: `INSERT INTO sample (id, at, value) SELECT g, ${spread}, g % 100 FROM ${series};`,
    rollback: true,
  },
  ...securityLockTruthCases,
  ...derivedLockTruthCases,
];

/** The change kinds the planner refuses outright: no steps, a WES102 error instead. */
export const refusalCases: readonly RefusalCase[] = [
  {
    name: 'an enum label removed',
    refused: 'alterEnumValues',
    v1: sdl(`enum Mood { HAPPY SAD }\ntype Author @wes_table { id: BigInt! @wes_pk\n mood: Mood! }`),
    v2: sdl(`enum Mood { HAPPY }\ntype Author @wes_table { id: BigInt! @wes_pk\n mood: Mood! }`),
  },
  {
    name: 'an existing table partitioned',
    refused: 'alterPartition',
    v1: sdl(`type Event @wes_table @wes_pk(columns: ["id", "at"]) { id: BigInt!\n at: DateTime! }`),
    v2: sdl(
      `type Event @wes_table @wes_partition(by: "at", strategy: RANGE) @wes_pk(columns: ["id", "at"]) { id: BigInt!\n at: DateTime! }`,
    ),
  },
];
