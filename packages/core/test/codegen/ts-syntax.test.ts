import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commentText, propertyKey, regexLiteral, stringLiteral, typeName } from '../../src/codegen/ts-syntax.js';

/** Evaluates a JavaScript expression the way a module would (strict mode). */
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- running the generated code is what these tests check
const evaluate = (expression: string): unknown => (new Function(`'use strict'; return (${expression});`) as () => unknown)();

describe('stringLiteral', () => {
  it('quotes as Prettier does', () => {
    expect(stringLiteral('PAID')).toBe("'PAID'");
    expect(stringLiteral("it's")).toBe('"it\'s"');
    expect(stringLiteral(`it's "x"`)).toBe(`'it\\'s "x"'`);
    expect(stringLiteral('a\\b\nc')).toBe("'a\\\\b\\nc'");
  });

  it('round-trips any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => evaluate(stringLiteral(s)) === s));
  });
});

describe('propertyKey', () => {
  it('leaves identifiers bare and quotes the rest', () => {
    expect(propertyKey('createdAt')).toBe('createdAt');
    expect(propertyKey('delete')).toBe('delete');
    expect(propertyKey('Mixed Case')).toBe("'Mixed Case'");
    expect(propertyKey('1st')).toBe("'1st'");
    expect(propertyKey('__proto__')).toBe("['__proto__']");
  });

  it('gives a key that reads back as the same name', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constant('__proto__')), (name) => {
        expect(Object.keys(evaluate(`{ ${propertyKey(name)}: 1 }`) as object)).toEqual([name]);
      }),
    );
  });
});

describe('typeName', () => {
  it('keeps GraphQL names and fixes the unusable ones', () => {
    expect(typeName('OrderLine')).toBe('OrderLine');
    expect(typeName('default')).toBe('default_');
    expect(typeName('string')).toBe('string_');
    expect(typeName('say "hi"')).toBe('say__hi_');
    expect(typeName('1st')).toBe('_1st');
    expect(typeName('')).toBe('_');
  });

  it('always gives a name a module can declare', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom('eval', 'class', 'await', 'yield', 'let', 'enum')), (name) => {
        const declared = typeName(name);
        // eslint-disable-next-line @typescript-eslint/no-implied-eval -- compiling the declaration is the check
        expect(() => new Function(`'use strict'; const ${declared} = 1; return ${declared};`)).not.toThrow();
      }),
    );
  });
});

describe('regexLiteral', () => {
  it('escapes slashes and line breaks', () => {
    expect(regexLiteral('^a/b$')).toBe('/^a\\/b$/');
    expect(regexLiteral('a\\/b')).toBe('/a\\/b/');
    expect(regexLiteral('a\nb')).toBe('/a\\nb/');
    expect(regexLiteral('')).toBe('/(?:)/');
    expect(regexLiteral('a\\\nb')).toBe('/a\\nb/');
  });

  it('matches what new RegExp(pattern) matches, for every valid pattern', () => {
    const pattern = fc.string({ unit: fc.constantFrom('a', '/', '\\', '[', ']', '(', ')', '?', '*', 'd', '.', '\n', '^', '$') });
    fc.assert(
      fc.property(pattern, fc.string({ unit: fc.constantFrom('a', '/', '\\', 'd', '1', '\n') }), (source, input) => {
        let expected: RegExp;
        try {
          expected = new RegExp(source);
        } catch {
          return; // not a JavaScript pattern: the compiler rejects it (WES027)
        }
        const literal = evaluate(regexLiteral(source)) as RegExp;
        expect(literal.test(input)).toBe(expected.test(input));
      }),
      { numRuns: 500 },
    );
  });
});

describe('commentText', () => {
  it('cannot end the comment early', () => {
    expect(commentText('a */ b')).toBe('a *\\/ b');
    expect(evaluate(`/** ${commentText('x */ y */')} */ 1`)).toBe(1);
  });
});
