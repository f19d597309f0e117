import { describe, expect, it } from 'vitest';
import { column } from '../support/ir-builder.js';
import { defaultSql } from '../../src/ddl/default-sql.js';

describe('defaultSql', () => {
  it('is null without a default', () => {
    expect(defaultSql(column('a', 'text'))).toBeNull();
  });

  it('emits expressions verbatim', () => {
    expect(defaultSql(column('a', 'timestamptz', { expr: 'now()' }))).toBe('now()');
    expect(defaultSql(column('a', 'integer', { expr: "nextval('a_seq'::regclass)" }))).toBe("nextval('a_seq'::regclass)");
  });

  it('quotes literals for the column type', () => {
    expect(defaultSql(column('a', 'integer', { value: '0' }))).toBe('0');
    expect(defaultSql(column('a', 'text', { value: '0' }))).toBe("'0'");
    expect(defaultSql(column('a', 'text[]', { value: '{x,y}' }))).toBe("'{x,y}'");
  });
});
