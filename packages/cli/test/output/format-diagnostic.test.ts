import type { Diagnostic } from '@wesley/core';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/output/format-diagnostic.js';
import { formatDiagnosticSummary } from '../../src/output/format-diagnostic-summary.js';
import { ansiStyle } from '../../src/output/style.js';

const source = ['type User @wes_table {', '  id: ID! @wes_pk', '  name: String! @wes_foo', '}', ''].join('\n');

function diagnostic(overrides: Partial<Diagnostic> = {}): Diagnostic {
  return {
    code: 'WES003',
    severity: 'error',
    message: 'unknown directive "@wes_foo"',
    help: 'remove it, or declare it with `directive @wes_foo on FIELD_DEFINITION`',
    file: 'schema.graphql',
    line: 3,
    column: 17,
    ...overrides,
  };
}

describe('formatDiagnostic', () => {
  it('prints location, code, severity, message, the source line, a caret and the help line', () => {
    expect(formatDiagnostic(diagnostic(), source)).toBe(
      [
        'schema.graphql:3:17  WES003  error  unknown directive "@wes_foo"',
        '  3 |   name: String! @wes_foo',
        '    |                 ^',
        '  help: remove it, or declare it with `directive @wes_foo on FIELD_DEFINITION`',
      ].join('\n'),
    );
  });

  it('shows the severity of warnings', () => {
    const warning = diagnostic({
      code: 'WES009',
      severity: 'warning',
      message: '@pk is a deprecated spelling of @wes_pk',
      help: 'write @wes_pk',
      line: 2,
      column: 11,
    });
    const text = formatDiagnostic(warning, 'type User @table {\n  id: ID! @pk\n}\n');
    expect(text.split('\n')[0]).toBe('schema.graphql:2:11  WES009  warning  @pk is a deprecated spelling of @wes_pk');
    expect(text.split('\n')[2]).toBe('    |           ^');
  });

  it('keeps tabs in the caret line so the caret lines up with tab-indented source', () => {
    const text = formatDiagnostic(diagnostic({ line: 1, column: 3 }), '\t\tbad');
    expect(text.split('\n')[2]).toBe('    | \t\t^');
  });

  it('widens the gutter for long line numbers', () => {
    const long = `${'\n'.repeat(99)}x @wes_foo`;
    const lines = formatDiagnostic(diagnostic({ line: 100, column: 3 }), long).split('\n');
    expect(lines[1]).toBe('  100 | x @wes_foo');
    expect(lines[2]).toBe('      |   ^');
  });

  it('counts \\r\\n and \\r as line ends, as GraphQL does', () => {
    expect(formatDiagnostic(diagnostic({ line: 2, column: 1 }), 'a\r\nb\rc').split('\n')[1]).toBe('  2 | b');
    expect(formatDiagnostic(diagnostic({ line: 3, column: 1 }), 'a\r\nb\rc').split('\n')[1]).toBe('  3 | c');
  });

  it('clamps a column past the end of the line to just after its last character', () => {
    expect(formatDiagnostic(diagnostic({ line: 1, column: 80 }), 'abc').split('\n')[2]).toBe('    |    ^');
  });

  it('leaves the excerpt out without source text or when the line does not exist', () => {
    const help = '  help: remove it, or declare it with `directive @wes_foo on FIELD_DEFINITION`';
    expect(formatDiagnostic(diagnostic(), undefined)).toBe(`schema.graphql:3:17  WES003  error  unknown directive "@wes_foo"\n${help}`);
    expect(formatDiagnostic(diagnostic({ line: 40 }), source)).toBe(
      `schema.graphql:40:17  WES003  error  unknown directive "@wes_foo"\n${help}`,
    );
  });

  it('omits an empty help line', () => {
    expect(formatDiagnostic(diagnostic({ help: '' }), undefined)).toBe('schema.graphql:3:17  WES003  error  unknown directive "@wes_foo"');
  });

  it('colors severity, code and caret only with an ANSI style', () => {
    const colored = formatDiagnostic(diagnostic(), source, ansiStyle);
    expect(colored).toContain('\u001b[31mWES003\u001b[39m');
    expect(colored).toContain('\u001b[31m^\u001b[39m');
    expect(colored.replace(/\u001b\[\d+m/g, '')).toBe(formatDiagnostic(diagnostic(), source));
    expect(formatDiagnostic(diagnostic(), source)).not.toContain('\u001b');
  });

  it('adds a note with its file:line:col and excerpt for each related place, before the help line', () => {
    const sdl = ['type OrderItem @wes_table {', '  id: ID! @wes_pk', '}', 'type Order_Item @wes_table {', '  id: ID! @wes_pk', '}'].join(
      '\n',
    );
    const clash = diagnostic({
      code: 'WES012',
      message: 'Order_Item and OrderItem both become table order_item',
      help: 'rename one type',
      line: 4,
      column: 6,
      related: [{ file: 'schema.graphql', line: 1, column: 6, message: 'OrderItem also becomes table order_item' }],
    });
    expect(formatDiagnostic(clash, sdl)).toBe(
      [
        'schema.graphql:4:6  WES012  error  Order_Item and OrderItem both become table order_item',
        '  4 | type Order_Item @wes_table {',
        '    |      ^',
        '  note: schema.graphql:1:6  OrderItem also becomes table order_item',
        '  1 | type OrderItem @wes_table {',
        '    |      ^',
        '  help: rename one type',
      ].join('\n'),
    );
  });

  it('draws a related place in another file from the lookup, and only its note without that file', () => {
    const clash = diagnostic({
      code: 'WES012',
      message: 'Order_Item and OrderItem both become table order_item',
      help: 'rename one type',
      file: 'b.graphql',
      line: 1,
      column: 6,
      related: [{ file: 'a.graphql', line: 2, column: 6, message: 'OrderItem also becomes table order_item' }],
    });
    const files: Record<string, string> = { 'a.graphql': '\ntype OrderItem @wes_table {', 'b.graphql': 'type Order_Item @wes_table {' };
    expect(
      formatDiagnostic(clash, (file) => files[file])
        .split('\n')
        .slice(3, 6),
    ).toEqual(['  note: a.graphql:2:6  OrderItem also becomes table order_item', '  2 | type OrderItem @wes_table {', '    |      ^']);
    expect(formatDiagnostic(clash, files['b.graphql']).split('\n').slice(3)).toEqual([
      '  note: a.graphql:2:6  OrderItem also becomes table order_item',
      '  help: rename one type',
    ]);
  });
});

describe('formatDiagnosticSummary', () => {
  it('counts errors and warnings with plurals', () => {
    const error = diagnostic();
    const warning = diagnostic({ severity: 'warning', code: 'WES009' });
    expect(formatDiagnosticSummary([error, error, warning])).toBe('2 errors, 1 warning');
    expect(formatDiagnosticSummary([warning, warning])).toBe('2 warnings');
    expect(formatDiagnosticSummary([error])).toBe('1 error');
    expect(formatDiagnosticSummary([])).toBe('');
  });
});
