import { GraphQLError, Kind, parse, Source, type DefinitionNode, type DocumentNode } from 'graphql';
import type { DiagnosticSink } from './diagnostic-sink.js';
import { graphqlMessage } from './suggest.js';
import type { SchemaSource } from './source.js';

/**
 * Parses every source and merges the definitions into one document. Each node keeps its own
 * `loc.source`, so diagnostics still name the right file. A source with a syntax error
 * contributes nothing (and a WES001); the others are still checked. Without `locations` the AST
 * is smaller and faster to build, but diagnostics cannot point into it.
 */
export function parseSources(sources: readonly SchemaSource[], sink: DiagnosticSink, locations = true): DocumentNode {
  const definitions: DefinitionNode[] = [];
  for (const source of sources) {
    try {
      definitions.push(...parse(new Source(source.body, source.name), { noLocation: !locations }).definitions);
    } catch (error) {
      // Anything the parser throws is about this text (even a too-deep nesting), never a crash.
      const at = (error instanceof GraphQLError && error.locations?.[0]) || { line: 1, column: 1 };
      sink.report(
        'WES001',
        { file: source.name, line: at.line, column: at.column },
        graphqlMessage(String(error instanceof Error ? error.message : error).replace(/^Syntax Error: /, '')),
        'fix the GraphQL syntax at this position',
      );
    }
  }
  return { kind: Kind.DOCUMENT, definitions };
}
