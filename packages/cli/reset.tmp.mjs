import { connect } from '@wesley/postgres';
const db = await connect(process.argv[2]);
await db.query('DROP SCHEMA public CASCADE; DROP SCHEMA IF EXISTS wesley CASCADE; CREATE SCHEMA public;');
await db.close();
