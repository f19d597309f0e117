export { loadSchemaSources } from './load-schema-sources.js';
