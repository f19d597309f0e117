export { driftDiagnostics } from './drift-diagnostics.js';
