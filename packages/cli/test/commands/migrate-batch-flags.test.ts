import { describe, expect, it } from 'vitest';
import { batchSizingFlags } from '../../src/commands/migrate/migrate-run-flags.js';
import { UsageError } from '../../src/usage-error.js';

const noConfig = null;
const config = { batchTargetMs: 250, batchMinRows: 50, batchMaxRows: 5000 };

describe('wesley migrate --batch-target, --batch-min-rows, --batch-max-rows', () => {
  it('leaves out what neither the flags nor the config give, so the executor default holds', () => {
    expect(batchSizingFlags({}, noConfig, 'migrate')).toEqual({});
    expect(batchSizingFlags({}, { batchTargetMs: null, batchMinRows: null, batchMaxRows: null }, 'migrate')).toEqual({});
  });

  it("takes the config's values, and a flag over its field", () => {
    expect(batchSizingFlags({}, config, 'migrate')).toEqual(config);
    expect(batchSizingFlags({ 'batch-target': '1s', 'batch-max-rows': '20000' }, config, 'migrate')).toEqual({
      batchTargetMs: 1000,
      batchMinRows: 50,
      batchMaxRows: 20_000,
    });
  });

  it('refuses a target that is no duration or 0, a count that is no whole number above 0, and a smallest batch above the largest', () => {
    const refusal = (values: Parameters<typeof batchSizingFlags>[0], from: typeof config | null = noConfig): string => {
      try {
        batchSizingFlags(values, from, 'migrate');
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return (error as UsageError).message;
      }
      throw new Error('not refused');
    };
    expect(refusal({ 'batch-target': 'soon' })).toMatch(/^--batch-target takes a duration/);
    expect(refusal({ 'batch-target': '0' })).toMatch(/^--batch-target 0 would mean no limit/);
    expect(refusal({ 'batch-min-rows': '0' })).toBe("--batch-min-rows takes a whole number of rows above 0, not '0'");
    expect(refusal({ 'batch-max-rows': '1e5' })).toBe("--batch-max-rows takes a whole number of rows above 0, not '1e5'");
    // The flag against the config's other bound.
    expect(refusal({ 'batch-min-rows': '10000' }, config)).toMatch(
      /^the smallest backfill batch \(10000 rows, .*\) is above the largest \(5000, /,
    );
  });
});
