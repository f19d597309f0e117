import { getLocation, parse, type ASTNode } from 'graphql';
import type { SchemaSdl } from './schema-sdl.js';

/** A 1-based position in a named source file. */
export interface SourcePosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** Maps a 1-based line and column of the printed SDL to where that token was written. */
export type SdlLocator = (line: number, column: number) => SourcePosition | null;

/**
 * Traces positions in printed SDL back to the files codegen loaded. The printed text is parsed
 * again; `parse(print(node))` has the shape of `node`, so walking both trees side by side down to
 * the innermost node at the position finds the original node, whose `loc` names its source file
 * and offset. Gives `null` where the original has no location (a schema parsed with `noLocation`
 * or built from strings without a source name keeps the printed position).
 */
export function sdlLocator(sdl: SchemaSdl): SdlLocator {
  const printed = parse(sdl.body).definitions;
  const lineStarts = [0];
  for (let i = sdl.body.indexOf('\n'); i !== -1; i = sdl.body.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return (line, column) => {
    const start = lineStarts[line - 1];
    if (start === undefined || printed.length !== sdl.definitions.length) return null;
    const offset = start + column - 1;
    const index = printed.findIndex((node) => node.loc !== undefined && node.loc.start <= offset && offset < node.loc.end);
    const original = sdl.definitions[index];
    const copy = printed[index];
    if (original === undefined || copy === undefined) return null;
    return originalPosition(descend(copy, original, offset), offset);
  };
}

interface Pair {
  readonly copy: ASTNode;
  readonly original: ASTNode;
}

/** The pairs from the definition down to the innermost printed node containing `offset`. */
function descend(copy: ASTNode, original: ASTNode, offset: number): Pair[] {
  const path: Pair[] = [{ copy, original }];
  for (;;) {
    const last = path[path.length - 1]!;
    const next = childAt(last, offset);
    if (next === null) return path;
    path.push(next);
  }
}

function childAt({ copy, original }: Pair, offset: number): Pair | null {
  for (const [key, value] of Object.entries(copy)) {
    if (key === 'loc') continue;
    const counterpart: unknown = (original as unknown as Record<string, unknown>)[key];
    const copies: readonly unknown[] = Array.isArray(value) ? value : [value];
    const originals: readonly unknown[] = Array.isArray(counterpart) ? counterpart : [counterpart];
    for (const [i, child] of copies.entries()) {
      const twin = originals[i];
      if (isNode(child) && isNode(twin) && child.loc !== undefined && child.loc.start <= offset && offset < child.loc.end) {
        return { copy: child, original: twin };
      }
    }
  }
  return null;
}

/**
 * The position in the innermost original node that has a location, at the same distance from
 * its start as in the printed copy (exact for names and other single tokens, which print as
 * written); clamped to the node so a reformatted node still points inside itself.
 */
function originalPosition(path: readonly Pair[], offset: number): SourcePosition | null {
  for (let i = path.length - 1; i >= 0; i--) {
    const { copy, original } = path[i]!;
    if (original.loc === undefined || copy.loc === undefined) continue;
    const position = Math.min(original.loc.start + (offset - copy.loc.start), original.loc.end - 1);
    const { line, column } = getLocation(original.loc.source, Math.max(position, original.loc.start));
    return { file: original.loc.source.name, line, column };
  }
  return null;
}

function isNode(value: unknown): value is ASTNode {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';
}
