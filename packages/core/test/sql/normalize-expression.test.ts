import { describe, expect, it } from 'vitest';
import { normalizeExpression } from '../../src/sql/normalize-expression.js';

describe('normalizeExpression', () => {
  it.each([
    // [as written in a schema, as PostgreSQL prints it back]
    ['total >= 0', '(total >= (0)::numeric)'],
    ['line_no > 0 AND line_no < 1000', '((line_no > 0) AND (line_no < 1000))'],
    ["status IN ('a', 'b')", "(status = ANY (ARRAY['a'::text, 'b'::text]))"],
    ["status NOT IN ('a', 'b')", "(status <> ALL (ARRAY['a'::text, 'b'::text]))"],
    ['total * quantity', '(total * (quantity)::numeric)'],
    ['discount = -5', "(discount = '-5'::integer)"],
    ["status = 'pending'", "(status = 'pending'::order_status)"],
    ['a > 0 OR (b > 0 AND c > 0)', '((a > 0) OR ((b > 0) AND (c > 0)))'],
    ['NOT (a = 1)', '(NOT (a = 1))'],
    ["lower(email) <> ''", "(lower((email)::text) <> ''::text)"],
    ['char_length("Display Name") <= 80', '(char_length("Display Name") <= 80)'],
  ])('%s ~ %s', (written, printed) => {
    expect(normalizeExpression(written)).toBe(normalizeExpression(printed));
  });

  it('keeps parentheses that change the meaning', () => {
    expect(normalizeExpression('(a OR b) AND c')).toBe('(a or b) and c');
    expect(normalizeExpression('(a + b) * c')).toBe('(a + b) * c');
    expect(normalizeExpression('NOT (a AND b)')).toBe('not (a and b)');
  });

  it('tells different expressions apart', () => {
    expect(normalizeExpression('a > 0')).not.toBe(normalizeExpression('a >= 0'));
    expect(normalizeExpression("s = 'A'")).not.toBe(normalizeExpression("s = 'a'"));
    expect(normalizeExpression('"A" > 0')).not.toBe(normalizeExpression('a > 0'));
  });

  it('prints a canonical spelling', () => {
    expect(normalizeExpression("((price >= (0)::numeric) AND (lower((name)::text) = ANY (ARRAY['x'::text])))")).toBe(
      "price >= 0 and lower(name) = any(array['x'])",
    );
  });
});
