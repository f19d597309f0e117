import { parseColumnType } from '../ir/column-type.js';
import type { ColumnTypeIR, SchemaIR } from '../ir/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { sortDiagnostics } from '../diagnostics/diagnostic.js';
import { assertSqlParserLoaded } from '../sql/sql-parser.js';
import { collectTypes } from './collect-types.js';
import { DiagnosticSink } from './diagnostic-sink.js';
import { lowerSchema } from './lower/lower-schema.js';
import { defaultRlsSettings } from './lower/lower-security.js';
import { parseSources } from './parse-sources.js';
import { partialIR } from './partial-ir.js';
import { builtinScalars } from './scalars.js';
import { checkStrayDirectives } from './check-stray-directives.js';
import type { CompileOptions, SchemaSource } from './source.js';
import { validateGraphQL } from './validate-graphql.js';

export interface CompileResult {
  /** The IR, or `null` when any diagnostic is an error. */
  readonly ir: SchemaIR | null;
  /**
   * `ir` when there is no error; else the IR of the tables and columns that lowered without an
   * error of their own (`partialIR`), for judging a schema's design beside its errors. Never
   * DDL, code or a plan: what is left out would be missing from them.
   */
  readonly partialIR: SchemaIR;
  /** Every error and warning, in source order. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Parses, validates and lowers SDL into the IR. Never throws for bad input: every mistake is a
 * diagnostic, all collected in one pass. Several sources (files) form one schema; `extend type`
 * merges into the type wherever it is defined.
 *
 * Every SQL expression argument is checked with PostgreSQL's parser (WES033), so `await
 * loadSqlParser()` once per process before the first call.
 *
 * @throws SqlParserNotLoadedError when `loadSqlParser()` has not finished: a programming error,
 * thrown whatever the schema holds, so a missing load fails every compile instead of one day
 * skipping an expression.
 */
export function compileSchema(sources: SchemaSource | readonly SchemaSource[], options: CompileOptions = {}): CompileResult {
  assertSqlParserLoaded('compileSchema');
  const list = Array.isArray(sources) ? sources : [sources as SchemaSource];
  // Most schemas are clean: compile without source locations first (the parser does half the
  // work and the AST is much smaller), and only when something is reported compile again with
  // locations so every diagnostic can point at its token. The compiler is deterministic, so the
  // second pass reports exactly what the first one found.
  const fast = run(list, options, false);
  return fast.diagnostics.length === 0 ? fast : run(list, options, true);
}

function run(sources: readonly SchemaSource[], options: CompileOptions, locations: boolean): CompileResult {
  const sink = new DiagnosticSink();
  const scalars = scalarTable(options, sink);
  const document = parseSources(sources, sink, locations);
  // After a syntax error the schema is incomplete: the other files are still checked, but missing
  // types and references are most likely what the broken file failed to define.
  if (sink.errorCount > 0) sink.mute(['WES010', 'WES014', 'WES015']);
  const types = collectTypes(document);
  // Config scalars that failed to map were reported already; they still count as known types.
  const known = [...new Set([...scalars.keys(), ...Object.keys(options.scalars ?? {})])].filter((name) => !types.declaredScalars.has(name));
  validateGraphQL(document, known, types.userDirectives, sink);
  checkStrayDirectives(document, types.userDirectives, sink);
  const ir = lowerSchema(types, scalars, sink, {
    tenantSetting: options.rls?.tenantSetting ?? defaultRlsSettings.tenantSetting,
    userSetting: options.rls?.userSetting ?? defaultRlsSettings.userSetting,
  });
  const errors = sink.diagnostics.filter((d) => d.severity === 'error');
  return {
    ir: errors.length > 0 ? null : ir,
    partialIR: errors.length > 0 ? partialIR(ir, types, errors) : ir,
    diagnostics: sortDiagnostics(sink.diagnostics),
  };
}

function scalarTable(options: CompileOptions, sink: DiagnosticSink): Map<string, ColumnTypeIR> {
  const table = new Map<string, ColumnTypeIR>();
  for (const [name, sql] of Object.entries({ ...builtinScalars, ...options.scalars })) {
    const type = parseColumnType(sql);
    if (type === null) {
      sink.report(
        'WES029',
        { file: '<config>', line: 1, column: 1 },
        `scalar ${name} maps to "${sql}", which is not a PostgreSQL type name`,
        'fix the scalars entry in the config',
      );
      continue;
    }
    table.set(name, type);
  }
  return table;
}
