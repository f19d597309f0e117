import { describe, expect, it } from 'vitest';
import { column } from '../support/ir-builder.js';
import { columnDefinitionSql } from '../../src/ddl/column-definition-sql.js';

describe('columnDefinitionSql', () => {
  it('spells name, canonical type, default and NOT NULL in pg_dump order', () => {
    expect(columnDefinitionSql(column('email', 'varchar(255)'))).toBe('email character varying(255) NOT NULL');
    expect(columnDefinitionSql(column('note', 'text', { nullable: true }))).toBe('note text');
    expect(columnDefinitionSql(column('at', 'timestamptz', { expr: 'now()' }))).toBe('at timestamp with time zone DEFAULT now() NOT NULL');
  });

  it('emits generated columns as STORED', () => {
    expect(columnDefinitionSql(column('total', 'numeric', { generated: 'price * qty', nullable: true }))).toBe(
      'total numeric GENERATED ALWAYS AS (price * qty) STORED',
    );
  });

  it('quotes keywords, upper case and embedded quotes in column names', () => {
    expect(columnDefinitionSql(column('order', 'integer'))).toBe('"order" integer NOT NULL');
    expect(columnDefinitionSql(column('user', 'text', { nullable: true }))).toBe('"user" text');
    expect(columnDefinitionSql(column('userId', 'uuid', { nullable: true }))).toBe('"userId" uuid');
    expect(columnDefinitionSql(column('a"b', 'text', { nullable: true }))).toBe('"a""b" text');
    expect(columnDefinitionSql(column('name', 'text', { nullable: true }))).toBe('name text');
  });
});
