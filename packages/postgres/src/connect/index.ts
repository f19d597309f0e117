export { connect, type Connection, type ConnectOptions } from './connect.js';
export { ConnectionError } from './connection-error.js';
export { redactUrl, redactPassword, redactSecrets } from './redact-url.js';
export { resolveDatabaseUrl, type DatabaseUrlInputs, type DatabaseUrlSource, type ResolvedDatabaseUrl } from './resolve-database-url.js';
export { checkDatabaseUrl } from './check-database-url.js';
export { InvalidDatabaseUrlError } from './invalid-database-url-error.js';
export { connectionLost } from './connection-lost.js';
