export { emitDdl } from './emit-ddl.js';
