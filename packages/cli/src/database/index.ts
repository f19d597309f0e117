export { databaseFlags, databaseFlagsHelp } from './database-flags.js';
export type { DatabaseTarget } from './database-target.js';
export { openDatabase, embeddedDatabase, type OpenDatabase, type OpenDatabaseOptions } from './open-database.js';
export { withDatabase, type DatabaseFlagValues } from './with-database.js';
