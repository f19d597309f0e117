import { syntheticSchema } from './synthetic-schema.mjs';

/**
 * The ways a table of the synthetic schema is changed, each with how many tables get it. They
 * add up to 100 changed tables, and each maps to a different planner pattern: an instant column,
 * a column backfilled in batches, a catalog-only type change, a concurrent index, a NOT VALID
 * check and FK, a rename, a NOT NULL proven without a blocking scan, a dropped table.
 * `peer: false` marks edits drizzle-kit cannot diff without asking on a terminal (it prompts
 * "create or rename?" for every column or table that vanishes while another appears).
 */
export const edits = [
  {
    name: 'add column with a constant default',
    tables: 12,
    peer: true,
    apply: (block) => addField(block, '  score: Int! @wes_default(value: 0)'),
  },
  {
    name: 'add NOT NULL column with a volatile default',
    tables: 10,
    peer: true,
    apply: (block) => addField(block, '  token: UUID! @wes_default(expr: "gen_random_uuid()")'),
  },
  {
    name: 'widen varchar(64) to varchar(128)',
    tables: 12,
    peer: true,
    apply: (block) => replaceOnce(block, 'varchar(64)', 'varchar(128)'),
  },
  { name: 'add index', tables: 12, peer: true, apply: (block) => replaceOnce(block, '  name: String!\n', '  name: String! @wes_index\n') },
  {
    name: 'add check',
    tables: 12,
    peer: true,
    apply: (block) => replaceOnce(block, '  total: BigInt\n', '  total: BigInt @wes_check(expr: "total >= 0")\n'),
  },
  {
    name: 'rename column',
    tables: 10,
    peer: false,
    apply: (block) => replaceOnce(block, '  ratio: Float\n', '  factor: Float @wes_renamed(from: "ratio")\n'),
  },
  {
    name: 'add column with a foreign key',
    tables: 12,
    peer: true,
    apply: (block) => addField(block, '  ownerId: UUID @wes_fk(ref: "Table0000.id")'),
  },
  { name: 'set NOT NULL', tables: 10, peer: true, apply: (block) => replaceOnce(block, '  day: Date\n', '  day: Date!\n') },
  { name: 'drop table', tables: 10, peer: true, apply: () => null },
];

const dropTable = edits.at(-1);
const alterations = edits.slice(0, -1);
/** As many tables are added as are dropped, so both versions have `tableCount` tables. */
const addedTables = dropTable.tables;

/**
 * v1 and v2 of a migration on the synthetic schema of `tableCount` tables: v2 changes 100 of
 * them (spread evenly, the dropped ones chosen among tables no foreign key points at) in the
 * ways of `edits`, and adds as many new tables as it drops. With `peer: true`, the edits the
 * peer cannot take unattended (renames; new tables, which would come with the dropped ones)
 * are left out, and the tables they would change stay as in v1. The same text every run.
 */
export function changedSchemas(tableCount, { peer = false } = {}) {
  const v1 = syntheticSchema(tableCount);
  const [header, ...blocks] = v1.split(/\n(?=type )/);
  const referenced = new Set([...v1.matchAll(/@wes_fk\(ref: "(Table\d+)\./g)].map((match) => match[1]));
  const leaves = blocks.map((_, i) => i).filter((i) => !referenced.has(typeName(blocks[i])));
  const drops = evenlySpread(leaves, dropTable.tables);
  const order = roundRobin(alterations);
  // Table0000 is the target of the foreign keys the edits add: it stays as it is.
  const others = evenlySpread(
    blocks.map((_, i) => i).filter((i) => !drops.includes(i) && typeName(blocks[i]) !== 'Table0000'),
    order.length,
  );
  const assigned = new Map(drops.map((i) => [i, dropTable]));
  others.forEach((i, n) => assigned.set(i, order[n]));

  const changed = blocks.map((block, i) => {
    const edit = assigned.get(i);
    return edit === undefined || (peer && !edit.peer) ? block : edit.apply(block);
  });
  const dropped = new Set(drops.map((i) => typeName(blocks[i])));
  const added = peer ? [] : newTables(tableCount, dropped);
  const v2 = [header, ...changed.filter((block) => block !== null), ...added].join('\n');
  return { v1, v2, changedTables: assigned.size, addedTables: added.length };
}

/** Each edit `edit.tables` times, in round-robin order, so neighbouring tables get different kinds of change. */
function roundRobin(list) {
  const rounds = Math.max(...list.map((edit) => edit.tables));
  return Array.from({ length: rounds }, (_, round) => list.filter((edit) => edit.tables > round)).flat();
}

/**
 * The tables after the last one, from the same generator. A new table whose generated parent
 * is one of the dropped tables points at Table0000 instead.
 */
function newTables(tableCount, dropped) {
  const [, ...blocks] = syntheticSchema(tableCount + addedTables).split(/\n(?=type )/);
  return blocks.slice(tableCount).map((block) => {
    const parent = /@wes_fk\(ref: "(Table\d+)\./.exec(block)?.[1];
    return parent !== undefined && dropped.has(parent) ? block.replaceAll(parent, 'Table0000') : block;
  });
}

/** `count` items of `list`, evenly spaced. */
function evenlySpread(list, count) {
  if (list.length < count) throw new Error(`need ${count} tables, have ${list.length}`);
  return Array.from({ length: count }, (_, n) => list[Math.floor(((n + 0.5) * list.length) / count)]);
}

function typeName(block) {
  return /^type (\w+)/.exec(block)?.[1];
}

function addField(block, line) {
  return replaceOnce(block, '\n}', `\n${line}\n}`);
}

/** Replaces `from` in `block`; throws when it is missing, so a generator change cannot silently shrink the workload. */
function replaceOnce(block, from, to) {
  if (!block.includes(from)) throw new Error(`${typeName(block)}: cannot find ${JSON.stringify(from)}`);
  return block.replace(from, to);
}
