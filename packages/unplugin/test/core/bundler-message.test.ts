import type { Diagnostic } from '@wesley/core';
import { describe, expect, it } from 'vitest';
import { bundlerMessage, type SchemaText } from '../../src/core/bundler-message.js';

const schema: SchemaText = {
  path: '/app/schema.graphql',
  body: ['type OrderItem @wes_table {', '  id: ID! @wes_pk', '}', 'type Order_Item @wes_table {', '  id: ID! @wes_pk', '}'].join('\n'),
};

const clash: Diagnostic = {
  code: 'WES012',
  severity: 'error',
  message: 'Order_Item and OrderItem both become table order_item',
  help: 'rename one type',
  file: 'schema.graphql',
  line: 4,
  column: 6,
  related: [{ file: 'schema.graphql', line: 1, column: 6, message: 'OrderItem also becomes table order_item' }],
};

describe('bundlerMessage', () => {
  it('lists each related place as a note with its 1-based file:line:col, the frame staying the main place', () => {
    const message = bundlerMessage(clash, schema, 'vite');
    expect(message.message).toBe(
      [
        'WES012 Order_Item and OrderItem both become table order_item',
        'note: schema.graphql:1:6 OrderItem also becomes table order_item',
        'help: rename one type',
      ].join('\n'),
    );
    expect(message.loc).toEqual({ file: '/app/schema.graphql', line: 4, column: 6 });
    expect(message.frame).toContain('> 4 | type Order_Item @wes_table {');
  });

  it('gives Vite and Rollup the 1-based loc they print, esbuild none and the position in the text', () => {
    const rollup = bundlerMessage(clash, schema, 'rollup');
    expect(rollup.loc).toEqual({ file: '/app/schema.graphql', line: 4, column: 6 });
    expect(rollup.message.split('\n')[0]).toBe('WES012 Order_Item and OrderItem both become table order_item');
    // esbuild would print a location's 0-based byte column as a second, different position.
    const esbuild = bundlerMessage(clash, schema, 'esbuild');
    expect(esbuild.loc).toBeUndefined();
    expect(esbuild.message.split('\n')[0]).toBe('schema.graphql:4:6 WES012 Order_Item and OrderItem both become table order_item');
    expect(esbuild.meta).toEqual({ diagnostic: clash });
    for (const framework of ['vite', 'rollup', 'esbuild', 'webpack'] as const)
      expect(bundlerMessage(clash, schema, framework).stack).toBe('');
  });

  it('counts columns in characters after a character of several bytes, on a line after a CRLF', () => {
    const body = 'type Ünïcode @wes_table {\r\n  "größe" id: ID! @wes_foo\r\n}';
    const unknown: Diagnostic = { ...clash, related: [], line: 2, column: 19 };
    const esbuild = bundlerMessage(unknown, { path: '/app/schema.graphql', body }, 'esbuild');
    expect(esbuild.message.split('\n')[0]).toMatch(/^schema\.graphql:2:19 WES012/);
    expect(esbuild.message).toContain('> 2 |   "größe" id: ID! @wes_foo\n    |                   ^');
    expect(bundlerMessage(unknown, { path: '/app/schema.graphql', body }, 'rollup').loc?.column).toBe(19);
  });

  it('puts the related place’s excerpt into the text where the frame goes there too', () => {
    const lines = bundlerMessage(clash, schema, 'webpack').message.split('\n');
    const note = lines.indexOf('note: schema.graphql:1:6 OrderItem also becomes table order_item');
    expect(lines[0]).toBe('schema.graphql:4:6 WES012 Order_Item and OrderItem both become table order_item');
    expect(note).toBeGreaterThan(0);
    expect(lines.slice(note + 1)).toContain('> 1 | type OrderItem @wes_table {');
    expect(lines.at(-1)).toBe('help: rename one type');
  });

  it('keeps the message of a diagnostic without related places as it was', () => {
    const { related: _related, ...single } = clash;
    expect(bundlerMessage(single, schema, 'vite').message).toBe(
      'WES012 Order_Item and OrderItem both become table order_item\nhelp: rename one type',
    );
  });
});
