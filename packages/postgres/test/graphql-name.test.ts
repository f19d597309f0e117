import { describe, expect, it } from 'vitest';
import { camelCaseName, pascalCaseName } from '../src/introspect/graphql-name.js';

describe('GraphQL names for introspected SQL names', () => {
  it.each([
    ['order_line', 'OrderLine'],
    ['Order Line', 'OrderLine'],
    ['user', 'User'],
    ['Mood', 'Mood'],
    ['2fa_codes', '_2faCodes'],
  ])('type %s -> %s', (name, expected) => {
    expect(pascalCaseName(name)).toBe(expected);
  });

  it.each([
    ['created_at', 'createdAt'],
    ['Unit Price', 'unitPrice'],
    ['line2_total', 'line2Total'],
    ['id', 'id'],
  ])('field %s -> %s', (name, expected) => {
    expect(camelCaseName(name)).toBe(expected);
  });
});
