import { describe, expect, it } from 'vitest';
import { dollarQuote } from '../../src/plan/dollar-quote.js';

describe('dollarQuote', () => {
  it('uses the base tag when the text does not contain it', () => {
    expect(dollarQuote("it's", 'batch')).toBe("$batch$it's$batch$");
  });

  it('numbers the tag until it is not in the text', () => {
    expect(dollarQuote('a $batch$ b $batch_1$', 'batch')).toBe('$batch_2$a $batch$ b $batch_1$$batch_2$');
  });
});
