import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lint, project } from './lint-schema.js';

/** The compile requests the rules' thread posts to the compile worker (each carries the schema's sources). */
function countCompiles(): () => number {
  const post = vi.spyOn(MessagePort.prototype, 'postMessage');
  return () => post.mock.calls.filter(([message]) => typeof message === 'object' && message !== null && 'sources' in message).length;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('compiling', () => {
  it('compiles a schema once per content, however many files and rules read it', async () => {
    const dir = await project({
      'schema/a.graphql': 'type User @wes_table { id: ID! @wes_pk email: String! @wes_unique }\n',
      'schema/b.graphql': 'type Order @wes_table { id: ID! @wes_pk userId: ID! @wes_fk(ref: "User.id") }\n',
      'schema/c.graphql': 'type Query { me: User }\n',
    });
    const settings = [{ settings: { wesley: { schema: ['schema/*.graphql'] } } }];
    const compiles = countCompiles();
    const first = await lint(dir, ['schema/*.graphql'], settings);
    // Three files, five rules each: one compile, and every file got its findings from it.
    expect(compiles()).toBe(1);
    expect(Object.values(first).map((messages) => messages.length)).toEqual([1, 1, 0]);
    await lint(dir, ['schema/*.graphql'], settings);
    expect(compiles()).toBe(1);
    await writeFile(path.join(dir, 'schema/c.graphql'), 'type Query { me: User, order: Order }\n');
    await lint(dir, ['schema/*.graphql'], settings);
    expect(compiles()).toBe(2);
  }, 60_000);
});
