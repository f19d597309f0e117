import { startEmbeddedPostgres, defaultEmbeddedDataDir, connect } from '@wesley/postgres';
const server = await startEmbeddedPostgres({ dataDir: defaultEmbeddedDataDir('/tmp/mig/proj', 18) });
const u = new URL(server.url); u.pathname = '/wesley';
const db = await connect(u.href);
await db.query(`INSERT INTO customer (email, name) SELECT 'c' || n || '@x', 'C' || n FROM generate_series(1, 50) n`);
await db.query(`INSERT INTO orders (customer_id, note) SELECT id, CASE WHEN random() < 0.5 THEN NULL ELSE 'n' END FROM customer, generate_series(1, 100)`);
console.log((await db.query('select count(*) from orders')).rows);
await db.close();
console.log(u.href);
// leave running
