import fc from 'fast-check';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { compileSchema } from '../../src/sdl/compile-schema.js';
import { arbitrarySchema } from './arbitrary-schema.js';
import { allFeatures, featureCoverage } from './schema-features.js';

describe('arbitrarySchema', () => {
  it('generates syntactically valid SDL', () => {
    fc.assert(
      fc.property(arbitrarySchema(), (schema) => {
        const document = parse(schema.sdl);
        expect(document.definitions.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });

  it('exercises every feature within 200 schemas', () => {
    const schemas = fc.sample(arbitrarySchema(), { numRuns: 200, seed: 20240131 });
    const coverage = featureCoverage(schemas);
    const unused = allFeatures.filter((feature) => coverage[feature] === 0);
    expect(unused).toEqual([]);
  });

  it('generates schemas that compile without a diagnostic but WES420', () => {
    fc.assert(
      fc.property(arbitrarySchema(), (schema) => {
        const result = compileSchema({ name: 'generated.graphql', body: schema.sdl });
        // Random NOT NULL keys between tables may close a ring: the compiler makes it deferrable and says so (WES420).
        expect(result.diagnostics.filter((d) => d.code !== 'WES420')).toEqual([]);
        expect(result.ir?.tables.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});
