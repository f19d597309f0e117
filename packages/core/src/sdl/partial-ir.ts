import type { ASTNode, Source } from 'graphql';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SchemaIR, TableIR } from '../ir/types.js';
import type { CollectedTypes } from './collect-types.js';

/**
 * The IR of what lowered without an error of its own, for a tool that judges a schema while it
 * still has errors (the ESLint plugin's design rules): a finding inside an element that is wrong
 * anyway would only be noise. Left out are each table with an error on its type name or on a
 * directive of the type (a misspelt index column may be the index a rule would look for), and
 * each column or relation with an error in its field, with the foreign keys over such a column.
 * Keys and indexes stay as they lowered, though a column they name may be left out: it is in the
 * schema, and what it serves should not look unserved. A name of a table left out may remain
 * (a foreign key's `refTable`).
 *
 * @param errors error diagnostics, located (`compileSchema`'s pass with source locations); their
 * `related` places are not the element's own error.
 */
export function partialIR(ir: SchemaIR, types: CollectedTypes, errors: readonly Diagnostic[]): SchemaIR {
  const offsets = new Map<Source, readonly number[]>();
  const hasError = (node: ASTNode): boolean => {
    const loc = node.loc;
    if (loc === undefined) return false;
    let inSource = offsets.get(loc.source);
    if (inSource === undefined) {
      inSource = errorOffsets(loc.source, errors);
      offsets.set(loc.source, inSource);
    }
    return inSource.some((offset) => offset >= loc.start && offset < loc.end);
  };
  const tables = ir.tables.flatMap((table): TableIR[] => {
    const model = types.objects.get(table.graphqlName);
    if (model === undefined || hasError(model.name) || model.directives.some(hasError)) return [];
    // The first field of a name is the one that lowered (a second is GraphQL's WES002).
    const clean = (fieldName: string): boolean => {
      const field = model.fields.find((f) => f.name.value === fieldName);
      return field === undefined || !hasError(field);
    };
    const columns = table.columns.filter((column) => clean(column.graphqlName));
    const kept = new Set(columns.map((column) => column.name));
    return [
      {
        ...table,
        columns,
        foreignKeys: table.foreignKeys.filter((key) => key.columns.every((column) => kept.has(column))),
        relations: table.relations.filter((relation) => clean(relation.field)),
      },
    ];
  });
  return { ...ir, tables };
}

/**
 * The character offset in `source` of each error located in it. Lines are counted as graphql-js
 * counts them for a diagnostic's position (`getLocation`: \r\n, \n or \r ends a line), once per
 * source: converting each node's bounds to a line and column instead rescans the text from its
 * start each time, 75 s for 40 errors in 400 tables (80 kB).
 */
function errorOffsets(source: Source, errors: readonly Diagnostic[]): number[] {
  const lineStarts = [0];
  for (const end of source.body.matchAll(/\r\n|[\n\r]/g)) lineStarts.push(end.index + end[0].length);
  return errors.filter((error) => error.file === source.name).map((error) => (lineStarts[error.line - 1] ?? Infinity) + error.column - 1);
}
