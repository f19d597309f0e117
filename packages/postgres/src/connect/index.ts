export { connect, type Connection, type ConnectOptions } from './connect.js';
export { ConnectionError } from './connection-error.js';
export { redactUrl, redactPassword } from './redact-url.js';
export { resolveDatabaseUrl, type DatabaseUrlInputs, type DatabaseUrlSource, type ResolvedDatabaseUrl } from './resolve-database-url.js';
