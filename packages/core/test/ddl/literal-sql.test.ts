import { describe, expect, it } from 'vitest';
import { parseColumnType } from '../../src/ir/column-type.js';
import { literalSql } from '../../src/ddl/literal-sql.js';

function typeOf(text: string, enums: readonly string[] = []) {
  const type = parseColumnType(text, new Set(enums));
  if (type === null) throw new Error(`bad type ${text}`);
  return type;
}

describe('literalSql', () => {
  it.each([
    ['integer', '42', '42'],
    ['integer', '-7', '-7'],
    ['bigint', '9223372036854775807', '9223372036854775807'],
    ['smallint', '0', '0'],
    ['numeric(12,2)', '12.50', '12.50'],
    ['numeric', '.5', '.5'],
    ['double precision', '1e-3', '1e-3'],
    ['real', '2.5E+10', '2.5E+10'],
    ['boolean', 'true', 'true'],
    ['boolean', 'false', 'false'],
  ])('leaves a valid %s constant bare: %s', (type, value, sql) => {
    expect(literalSql(value, typeOf(type))).toBe(sql);
  });

  it.each([
    ['double precision', 'NaN', "'NaN'"],
    ['numeric', 'Infinity', "'Infinity'"],
    ['integer', '1; DROP TABLE users', "'1; DROP TABLE users'"],
    ['integer', '1 + 1', "'1 + 1'"],
    ['integer', '0x1F', "'0x1F'"],
    ['numeric', '', "''"],
    ['boolean', 'TRUE', "'TRUE'"],
    ['boolean', 'yes', "'yes'"],
    ['boolean', 'true OR 1=1', "'true OR 1=1'"],
  ])('quotes %s text that is not a plain constant: %s', (type, value, sql) => {
    expect(literalSql(value, typeOf(type))).toBe(sql);
  });

  it.each([
    ['text', 'pending', "'pending'"],
    ['text', "O'Brien", "'O''Brien'"],
    ['text', '42', "'42'"],
    ['varchar(10)', 'true', "'true'"],
    ['uuid', '00000000-0000-0000-0000-000000000000', "'00000000-0000-0000-0000-000000000000'"],
    ['date', '2024-01-31', "'2024-01-31'"],
    ['time', '09:30:00', "'09:30:00'"],
    ['timestamptz', '2024-01-31 09:30:00+00', "'2024-01-31 09:30:00+00'"],
    ['jsonb', '{"a": [1, "it\'s"]}', `'{"a": [1, "it''s"]}'`],
    ['jsonb', '42', "'42'"],
    ['integer[]', '{1,2,3}', "'{1,2,3}'"],
    ['text[]', '{a,"b c"}', `'{a,"b c"}'`],
    ['boolean[]', '{}', "'{}'"],
  ])('quotes a %s literal: %s', (type, value, sql) => {
    expect(literalSql(value, typeOf(type))).toBe(sql);
  });

  it('quotes enum labels, even ones that look like numbers or booleans', () => {
    const mood = typeOf('mood', ['mood']);
    expect(literalSql('happy', mood)).toBe("'happy'");
    expect(literalSql('1', mood)).toBe("'1'");
    expect(literalSql('true', mood)).toBe("'true'");
    expect(literalSql("it's", mood)).toBe("'it''s'");
  });
});
