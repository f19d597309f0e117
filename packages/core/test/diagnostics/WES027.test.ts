import { describe, it } from 'vitest';
import { compileShop, expectDiagnostics } from './expect-diagnostic.js';

describe('WES027 invalid value rule', () => {
  it('points at an invalid pattern, crossed bounds and a rule-less @wes_constraint', () => {
    const result = compileShop(`type Product @wes_table {
  id: ID! @wes_pk
  sku: String! @wes_constraint(pattern: "[A-Z")
  price: Decimal! @wes_constraint(min: 10, max: 1)
  color: String @wes_constraint
}`);
    expectDiagnostics(result, [
      { code: 'WES027', line: 3, column: 41, mentions: ['pattern', '[A-Z'] },
      { code: 'WES027', line: 4, column: 19, mentions: ['min 10', 'max 1'] },
      { code: 'WES027', line: 5, column: 17, mentions: '@wes_constraint', help: 'minLength' },
    ]);
  });

  it('points at a text rule on a number column that also has a number rule', () => {
    const result = compileShop(`type Product @wes_table {
  id: ID! @wes_pk
  stock: Int! @wes_constraint(min: 0, maxLength: 5)
}`);
    expectDiagnostics(result, [{ code: 'WES027', line: 3, column: 50, mentions: ['maxLength', 'integer'], help: 'min/max' }]);
  });

  it('points at a pattern PostgreSQL cannot compile or reads differently from JavaScript, and says why', () => {
    const result = compileShop(`type Product @wes_table {
  id: ID! @wes_pk
  sku: String! @wes_constraint(pattern: "(?<code>[A-Z]+)")
  name: String! @wes_constraint(pattern: "\\\\bword\\\\b")
  color: String @wes_constraint(pattern: "^[[:alpha:]]+$")
  size: String @wes_constraint(pattern: "^a{300}$")
  note: String @wes_constraint(pattern: "^\\\\S+$")
  ok: String @wes_constraint(pattern: "^[a-z]\\\\w*(\\\\s\\\\d{1,3})?.$")
}`);
    expectDiagnostics(result, [
      { code: 'WES027', line: 3, column: 41, mentions: ['(?<code>', '(?<c'] },
      { code: 'WES027', line: 4, column: 42, mentions: ['\\bword', 'backspace'] },
      { code: 'WES027', line: 5, column: 42, mentions: ['[[:alpha:]]', 'JavaScript has no such classes'] },
      { code: 'WES027', line: 6, column: 41, mentions: ['a{300}', '255'] },
      { code: 'WES027', line: 7, column: 41, mentions: ['locale'] },
    ]);
  });

  it('accepts \\d, \\s and \\w in a bracket, negated or not, and points at \\D, \\S, \\W in one and at a range from a class', () => {
    const accepted = compileShop(`type Customer @wes_table {
  id: ID! @wes_pk
  email: String! @wes_constraint(pattern: "^[^@\\\\s]+@[^@\\\\s]+$")
  phone: String @wes_constraint(pattern: "^[\\\\d-]+$")
  tags: String @wes_constraint(pattern: "^[\\\\w,;\\\\s]*$")
  sign: String @wes_constraint(pattern: "^[^\\\\w]+$")
}`);
    expectDiagnostics(accepted, []);
    const refused = compileShop(`type Customer @wes_table {
  id: ID! @wes_pk
  a: String @wes_constraint(pattern: "^[^@\\\\S]+$")
  b: String @wes_constraint(pattern: "[a\\\\D]")
  c: String @wes_constraint(pattern: "[x\\\\W]")
  d: String @wes_constraint(pattern: "[\\\\d-z]")
  e: String @wes_constraint(pattern: "[a-\\\\w]")
}`);
    expectDiagnostics(refused, [
      { code: 'WES027', line: 3, column: 38, mentions: ['"^[^@\\\\S]+$"', '\\S in a bracket', 'locale'] },
      { code: 'WES027', line: 4, column: 38, mentions: ['"[a\\\\D]"', '\\D in a bracket', 'PostgreSQL before 14'] },
      { code: 'WES027', line: 5, column: 38, mentions: ['"[x\\\\W]"', '\\W in a bracket'] },
      { code: 'WES027', line: 6, column: 38, mentions: ['"[\\\\d-z]"', 'range'] },
      { code: 'WES027', line: 7, column: 38, mentions: ['"[a-\\\\w]"', 'range'] },
    ]);
  });
});
