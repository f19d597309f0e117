export type { DatabaseTarget } from './database-target.js';
export { openDatabase, embeddedDatabase, type OpenDatabase, type OpenDatabaseOptions } from './open-database.js';
export { chooseDatabase, type DatabaseFlagValues } from './choose-database.js';
export { withDatabase } from './with-database.js';
