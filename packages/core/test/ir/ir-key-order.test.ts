import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SchemaIR } from '../../src/ir/types.js';
import { compileSchema } from '../../src/sdl/compile-schema.js';
import { syntheticSchema } from '../../../../bench/synthetic-schema.mjs';
import { arbitrarySchema } from '../support/arbitrary-schema.js';

/**
 * The compiler builds every IR object with its keys already in sorted order, so `stableStringify`
 * (the IR hash, `ir.json`) finds nothing to copy: on a 1,000-table IR that halves hashing.
 * Returns the path and keys of each object whose keys are out of order.
 */
function unsortedObjects(value: unknown, path = '$', found: string[] = []): string[] {
  if (value === null || typeof value !== 'object') return found;
  if (Array.isArray(value)) {
    value.forEach((item, i) => unsortedObjects(item, `${path}[${i}]`, found));
    return found;
  }
  const keys = Object.keys(value);
  if (keys.some((key, i) => i > 0 && (keys[i - 1] as string) > key)) found.push(`${path}: ${keys.join(', ')}`);
  for (const key of keys) unsortedObjects((value as Record<string, unknown>)[key], `${path}.${key}`, found);
  return found;
}

function compile(name: string, body: string): SchemaIR {
  const result = compileSchema({ name, body });
  if (result.ir === null) throw new Error(`${name} does not compile: ${JSON.stringify(result.diagnostics)}`);
  return result.ir;
}

describe("the compiled IR's keys", () => {
  it('are in sorted order at every depth in a schema using every directive', () => {
    const body = readFileSync(new URL('../compile/fixtures/every-directive.graphql', import.meta.url), 'utf8');
    expect(unsortedObjects(compile('every-directive.graphql', body))).toEqual([]);
  });

  it('are in sorted order at every depth in the 1,000-table bench schema', () => {
    expect(unsortedObjects(compile('schema.graphql', syntheticSchema(1000)))).toEqual([]);
  });

  it('are in sorted order at every depth in random schemas', () => {
    fc.assert(
      fc.property(arbitrarySchema(), (schema) => {
        expect(unsortedObjects(compile('generated.graphql', schema.sdl))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
