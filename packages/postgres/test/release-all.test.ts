import { describe, expect, it } from 'vitest';
import { releaseAll } from '../src/errors/release-all.js';
import { suppressedErrors } from '../src/errors/suppressed-errors.js';

describe('releaseAll', () => {
  it('keeps the error the run failed with and notes the release errors beside it', async () => {
    const first = new Error('step failed');
    const ran: string[] = [];
    const warnings: string[] = [];
    await releaseAll(
      [
        {
          during: 'closing the session',
          run: () => {
            ran.push('close');
            return Promise.reject(new Error('Connection terminated unexpectedly'));
          },
        },
        {
          during: 'releasing the migration lock',
          run: () => {
            ran.push('release');
            return Promise.reject(new Error('Client has encountered a connection error and is not queryable'));
          },
        },
      ],
      { error: first },
      (message) => warnings.push(message),
    );
    expect(ran).toEqual(['close', 'release']);
    expect(warnings).toEqual([]);
    expect(suppressedErrors(first).map(({ during, error }) => [during, (error as Error).message])).toEqual([
      ['closing the session', 'Connection terminated unexpectedly'],
      ['releasing the migration lock', 'Client has encountered a connection error and is not queryable'],
    ]);
  });

  it('after a success, turns a release error into a warning and throws nothing', async () => {
    const warnings: string[] = [];
    await releaseAll(
      [{ during: 'releasing the migration lock', run: () => Promise.reject(new Error('Connection terminated unexpectedly')) }],
      null,
      (message) => warnings.push(message),
    );
    expect(warnings).toEqual(['releasing the migration lock failed: Connection terminated unexpectedly']);
  });

  it('cannot note anything on a thrown string, and still throws nothing', async () => {
    await releaseAll([{ during: 'x', run: () => Promise.reject(new Error('y')) }], { error: 'a string' }, () => undefined);
    expect(suppressedErrors('a string')).toEqual([]);
  });
});
