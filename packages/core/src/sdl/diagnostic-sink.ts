import { getLocation, type ASTNode, type Location } from 'graphql';
import { diagnosticCodes, type DiagnosticCode } from '../diagnostics/codes.js';
import type { Diagnostic, RelatedLocation } from '../diagnostics/diagnostic.js';

/** Something that points into a source: an AST node, or a raw position. */
export type Anchor = Pick<ASTNode, 'loc'> | { readonly file: string; readonly line: number; readonly column: number };

/** Another place a diagnostic is about, before it is located (see `RelatedLocation`). */
export interface RelatedAnchor {
  readonly anchor: Anchor | undefined;
  readonly message: string;
}

/** Collects diagnostics during one compilation; severities come from the code table. */
export class DiagnosticSink {
  readonly #diagnostics: Diagnostic[] = [];
  readonly #muted = new Set<DiagnosticCode>();

  /** Stops recording `codes` (diagnostics that would only echo an earlier, graver one). */
  mute(codes: readonly DiagnosticCode[]): void {
    for (const code of codes) this.#muted.add(code);
  }

  /**
   * Records a diagnostic at `anchor`. Help is one line telling the user what to do; `related` are
   * the other places of a conflict (the first declaration of a name declared twice).
   */
  report(code: DiagnosticCode, anchor: Anchor | undefined, message: string, help: string, related: readonly RelatedAnchor[] = []): void {
    if (this.#muted.has(code)) return;
    const { file, line, column } = locate(anchor);
    const diagnostic: Diagnostic = { code, severity: diagnosticCodes[code].severity, message, help, file, line, column };
    this.#diagnostics.push(related.length === 0 ? diagnostic : { ...diagnostic, related: related.map(relatedLocation) });
  }

  get errorCount(): number {
    return this.#diagnostics.filter((d) => d.severity === 'error').length;
  }

  get diagnostics(): readonly Diagnostic[] {
    return this.#diagnostics;
  }
}

function relatedLocation({ anchor, message }: RelatedAnchor): RelatedLocation {
  const { file, line, column } = locate(anchor);
  return { file, line, column, message };
}

function locate(anchor: Anchor | undefined): { file: string; line: number; column: number } {
  if (anchor === undefined) return { file: '<unknown>', line: 1, column: 1 };
  if ('file' in anchor) return anchor;
  const loc: Location | undefined = anchor.loc;
  if (loc === undefined) return { file: '<unknown>', line: 1, column: 1 };
  const { line, column } = getLocation(loc.source, loc.start);
  return { file: loc.source.name, line, column };
}
