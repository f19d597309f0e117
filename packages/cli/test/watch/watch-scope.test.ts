import type { Stats } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchScope } from '../../src/watch/watch-scope.js';

const cwd = path.resolve('/project');
const at = (relative: string): string => path.join(cwd, relative);
const dir = { isDirectory: () => true, isFile: () => false } as Stats;
const file = { isDirectory: () => false, isFile: () => true } as Stats;

describe('watchScope', () => {
  it('watches a named file from its directory and ignores its neighbours', () => {
    const scope = watchScope(['db/schema.graphql'], cwd, at('generated'), new Set());
    expect(scope.roots).toEqual([at('db')]);
    expect(scope.ignored(at('db/schema.graphql'), file)).toBe(false);
    expect(scope.ignored(at('db/other.graphql'), file)).toBe(true);
    expect(scope.ignored(at('db/sub'), dir)).toBe(true);
    expect(scope.ignored(at('db'), dir)).toBe(false);
  });

  it('watches a glob from its base, every directory under it, and nothing under node_modules or .git', () => {
    const scope = watchScope(['schema/**/*.graphql'], cwd, at('generated'), new Set());
    expect(scope.roots).toEqual([at('schema')]);
    expect(scope.ignored(at('schema/a/b'), dir)).toBe(false);
    expect(scope.ignored(at('schema/a/b/new.graphql'), file)).toBe(false);
    expect(scope.ignored(at('schema/node_modules'), dir)).toBe(true);
    expect(scope.ignored(at('schema/.git'))).toBe(true);
    expect(scope.ignored(at('elsewhere'), dir)).toBe(true);
  });

  it('starts a glob with a dynamic first segment at the working directory', () => {
    expect(watchScope(['**/*.graphql'], cwd, at('out'), new Set()).roots).toEqual([cwd]);
    expect(watchScope(['{a,b}/*.graphql'], cwd, at('out'), new Set()).roots).toEqual([cwd]);
  });

  it('watches a directory once when a named file lies under a glob base', () => {
    expect(watchScope(['schema/**/*.graphql', 'schema/extra/x.graphql', 'other/y.graphql'], cwd, at('out'), new Set()).roots).toEqual([
      at('schema'),
      at('other'),
    ]);
  });

  it('ignores the whole output directory when it is inside a watched directory', () => {
    const scope = watchScope(['**/*.graphql'], cwd, at('src/generated'), new Set());
    expect(scope.ignored(at('src/generated'))).toBe(true);
    expect(scope.ignored(at('src/generated/types.ts'))).toBe(true);
    expect(scope.ignored(at('src/generated/stray.graphql'), file)).toBe(true);
    expect(scope.ignored(at('src/schema.graphql'), file)).toBe(false);
  });

  it('ignores only the generated files when the output directory holds the schema', () => {
    const outputs = new Set<string>();
    const scope = watchScope(['db/*.graphql'], cwd, at('db'), outputs);
    expect(scope.ignored(at('db'), dir)).toBe(false);
    outputs.add(at('db/types.ts'));
    expect(scope.ignored(at('db/types.ts'))).toBe(true);
    expect(scope.ignored(at('db/schema.graphql'), file)).toBe(false);
    const named = watchScope(['schema.graphql'], cwd, cwd, new Set([at('ir.json')]));
    expect(named.ignored(at('ir.json'))).toBe(true);
    expect(named.ignored(at('schema.graphql'), file)).toBe(false);
  });
});
