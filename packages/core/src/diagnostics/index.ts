export type { Diagnostic, RelatedLocation, Severity } from './diagnostic.js';
export { hasErrors, sortDiagnostics } from './diagnostic.js';
export { diagnosticCodes, type DiagnosticCode } from './codes.js';
export { codeFrame, type CodeFrameOptions, type CodeFramePart } from './code-frame.js';
