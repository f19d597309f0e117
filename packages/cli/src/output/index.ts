export { formatDiagnostic, type DiagnosticSource } from './format-diagnostic.js';
export { formatDiagnosticSummary } from './format-diagnostic-summary.js';
export { writeDiagnostics } from './write-diagnostics.js';
export { ansiStyle, plainStyle, styleFor, type Style, type StyleFormat } from './style.js';
export { redactingStream } from './redacting-stream.js';
