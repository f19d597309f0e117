import { describe, expect, it } from 'vitest';
import { renameInExpression } from '../../src/diff/rename-in-expression.js';

const renames = new Map([
  ['id', 'id_next'],
  ['order', 'sort_order'],
  ['text', 'body'],
]);

describe('renameInExpression', () => {
  it('renames plain and quoted column references, quoting the new name where needed', () => {
    expect(renameInExpression('id >= 0', renames)).toBe('id_next >= 0');
    expect(renameInExpression('"order" <= ID', renames)).toBe('sort_order <= id_next');
    expect(renameInExpression('"id" IS NOT NULL', new Map([['id', 'Group']]))).toBe('"Group" IS NOT NULL');
  });

  it('leaves strings, comments, types, function names and qualified names alone', () => {
    expect(renameInExpression(`text <> 'id' AND E'it\\'s id' <> text::text`, renames)).toBe(`body <> 'id' AND E'it\\'s id' <> body::text`);
    expect(renameInExpression('lower(text) /* id */ -- id\n= t.id', renames)).toBe('lower(body) /* id */ -- id\n= t.id');
    expect(renameInExpression('text (', renames)).toBe('text (');
  });

  it('keeps everything else byte for byte', () => {
    expect(renameInExpression('  (a  +  b)*2 ', renames)).toBe('  (a  +  b)*2 ');
    expect(renameInExpression('id >= 0', new Map())).toBe('id >= 0');
  });
});
