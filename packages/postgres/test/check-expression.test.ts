import { describe, expect, it } from 'vitest';
import { checkExpression } from '../src/introspect/read-constraints.js';

describe('checkExpression', () => {
  it.each([
    ['CHECK ((total >= (0)::numeric))', '(total >= (0)::numeric)'],
    ['CHECK ((a > 0)) NOT VALID', '(a > 0)'],
    ["CHECK ((s <> ')'::text)) NO INHERIT", "(s <> ')'::text)"],
    ["CHECK ((s = 'it''s ('::text))", "(s = 'it''s ('::text)"],
  ])('%s', (definition, expr) => {
    expect(checkExpression(definition)).toBe(expr);
  });
});
