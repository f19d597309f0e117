import { connect } from '@wesley/postgres';
const db = await connect(process.argv[2]);
await db.query(`INSERT INTO customer (email, name) SELECT 'c' || n || '@x', 'C' || n FROM generate_series(1, 50) n`);
await db.query(`INSERT INTO orders (customer_id, note) SELECT id, CASE WHEN random() < 0.5 THEN NULL ELSE 'n' END FROM customer, generate_series(1, 100)`);
await db.close();
