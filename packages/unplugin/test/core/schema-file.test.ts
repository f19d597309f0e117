import { describe, expect, it } from 'vitest';
import { schemaFile } from '../../src/core/schema-file.js';

describe('schemaFile', () => {
  it('is the id itself without a query', () => {
    expect(schemaFile('/app/schema.graphql')).toBe('/app/schema.graphql');
  });

  it('drops the queries vite dev adds to a plain module request', () => {
    expect(schemaFile('/app/schema.graphql?import')).toBe('/app/schema.graphql');
    expect(schemaFile('/app/schema.graphql?import&t=1700000000000')).toBe('/app/schema.graphql');
    expect(schemaFile('/app/schema.graphql?v=3fa2b1')).toBe('/app/schema.graphql');
    expect(schemaFile('/app/schema.graphql#section')).toBe('/app/schema.graphql');
  });

  it('leaves requests for something else than the module to others', () => {
    expect(schemaFile('/app/schema.graphql?raw')).toBeNull();
    expect(schemaFile('/app/schema.graphql?import&url')).toBeNull();
  });
});
