export { matchSchemaSpelling, type SchemaSpelling } from './match-schema-spelling.js';
export { spellOnServer, type SpellingSession } from './spell-on-server.js';
export { adoptSchemaSpelling } from './adopt-schema-spelling.js';
