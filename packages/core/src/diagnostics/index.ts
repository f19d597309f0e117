export { hasErrors, sortDiagnostics, type Diagnostic, type RelatedLocation, type Severity } from './diagnostic.js';
export { diagnosticCodes, type DiagnosticCode } from './codes.js';
export { codeFrame, type CodeFrameOptions, type CodeFramePart } from './code-frame.js';
