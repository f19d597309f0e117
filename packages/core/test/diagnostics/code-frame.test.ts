import { codeFrame } from '@wesley/core';
import { describe, expect, it } from 'vitest';

const source = ['type Order @wes_table {', '  id: UUID! @wes_pk', '  note: String @wes_foo', '  total: Int', '}', ''].join('\n');

describe('codeFrame', () => {
  it('shows two lines either side, marks the line and puts a caret under the column', () => {
    expect(codeFrame(source, 3, 16)).toBe(
      [
        '  1 | type Order @wes_table {',
        '  2 |   id: UUID! @wes_pk',
        '> 3 |   note: String @wes_foo',
        '    |                ^',
        '  4 |   total: Int',
        '  5 | }',
      ].join('\n'),
    );
  });

  it('stops at the first and last line and widens the gutter for longer numbers', () => {
    expect(codeFrame(source, 1, 1).split('\n').slice(0, 2)).toEqual(['> 1 | type Order @wes_table {', '    | ^']);
    const long = Array.from({ length: 12 }, (_, i) => `line ${i + 1}`).join('\n');
    expect(codeFrame(long, 9, 3)).toBe(
      ['   7 | line 7', '   8 | line 8', '>  9 | line 9', '     |   ^', '  10 | line 10', '  11 | line 11'].join('\n'),
    );
  });

  it('keeps tabs in the caret line so it lines up, and reads \\r\\n line ends', () => {
    expect(codeFrame('a\r\n\tb @x\r\n', 2, 4).split('\n').slice(1, 3)).toEqual(['> 2 | \tb @x', '    | \t  ^']);
  });

  it('is empty for a line outside the source', () => {
    expect(codeFrame(source, 0, 1)).toBe('');
    expect(codeFrame(source, 99, 1)).toBe('');
  });

  it('shows the line alone, unmarked, with no lines around it, and paints gutter and caret', () => {
    const paint = (part: string, text: string) => `<${part}>${text}</${part}>`;
    expect(codeFrame(source, 3, 16, { linesAround: 0, paint })).toBe(
      ['  <gutter>3 |</gutter>   note: String @wes_foo', '  <gutter>  |</gutter>                <caret>^</caret>'].join('\n'),
    );
  });
});
