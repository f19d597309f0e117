import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CreateNodesContext, CreateNodesResultArray } from '@nx/devkit';
import { renderArtifacts } from '@wesley/cli';
import { compileSchema } from '@wesley/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generatedFiles } from '../src/plugins/generated-files.js';
import { createNodes, createNodesV2 } from '../src/plugins/plugin.js';
import { createWesleyNodes } from '../src/plugins/create-wesley-nodes.js';
import type { WesleyPluginOptions } from '../src/plugins/wesley-plugin-options.js';
import { sampleSchema, writeSampleConfigs } from './sample-configs.js';
import { tempWorkspace, type TempWorkspace } from './temp-workspace.js';

let workspace: TempWorkspace;
let configFiles: string[];
let run = 0;
beforeAll(async () => {
  workspace = await tempWorkspace();
  configFiles = await writeSampleConfigs(workspace);
});
afterAll(() => workspace.remove());

const contextOf = (root: string): CreateNodesContext => ({ nxJsonConfiguration: {}, workspaceRoot: root });

/** A cache file of its own per call unless one is given: each test starts cold. */
function infer(
  files: readonly string[],
  options?: WesleyPluginOptions,
  cachePath = path.join(workspace.root, '.nx-data', `cold-${run++}.hash`),
): Promise<CreateNodesResultArray> {
  return createWesleyNodes(files, options, contextOf(workspace.root), cachePath);
}

/** The inferred project of the config at `file`. */
function project(results: CreateNodesResultArray, file: string) {
  const entry = results.find(([source]) => source === file);
  return entry?.[1].projects?.[path.posix.dirname(file)];
}

describe('createNodes', () => {
  it('is the batched tuple for every wesley.config.{json,mjs,ts}, under both names', () => {
    expect(createNodes[0]).toBe('**/wesley.config.{json,mjs,ts}');
    expect(createNodesV2).toBe(createNodes);
  });

  it('infers generate, plan, lint, migrate, drift and status for a JSON config with one database', async () => {
    const results = await infer(['libs/db/wesley.config.json']);
    expect(results.map(([file]) => file)).toEqual(['libs/db/wesley.config.json']);
    expect(project(results, 'libs/db/wesley.config.json')).toMatchSnapshot();
  });

  it('infers a target per database plus aggregates for an .mjs config with three', async () => {
    const inferred = project(await infer(['libs/shards/wesley.config.mjs']), 'libs/shards/wesley.config.mjs');
    expect(inferred).toMatchSnapshot();
    expect(Object.keys(inferred?.targets ?? {})).toEqual([
      'generate',
      'plan',
      'lint',
      'migrate-eu',
      'migrate-us',
      'migrate-ap',
      'migrate',
      'drift-eu',
      'drift-us',
      'drift-ap',
      'drift',
      'status-eu',
      'status-us',
      'status-ap',
      'status',
      'usage-eu',
      'usage-us',
      'usage-ap',
      'usage',
    ]);
  });

  it('infers from a .ts config (its imports evaluated), naming a directory that has no project file', async () => {
    const inferred = project(await infer(['libs/tsdb/wesley.config.ts']), 'libs/tsdb/wesley.config.ts');
    expect(inferred).toMatchSnapshot();
    expect(inferred?.name).toBe('tsdb');
    expect(inferred?.targets?.['generate']?.outputs).toContain('{projectRoot}/schema.d.graphql.ts');
  });

  it('uses the target names of the plugin options, per database too', async () => {
    const options = {
      generateTargetName: 'db-generate',
      planTargetName: 'db-plan',
      lintTargetName: 'db-lint',
      migrateTargetName: 'db-migrate',
      driftTargetName: 'db-drift',
      statusTargetName: 'db-status',
      usageTargetName: 'db-usage',
    };
    const inferred = project(await infer(['libs/shards/wesley.config.mjs'], options), 'libs/shards/wesley.config.mjs');
    expect(Object.keys(inferred?.targets ?? {})).toEqual([
      'db-generate',
      'db-plan',
      'db-lint',
      'db-migrate-eu',
      'db-migrate-us',
      'db-migrate-ap',
      'db-migrate',
      'db-drift-eu',
      'db-drift-us',
      'db-drift-ap',
      'db-drift',
      'db-status-eu',
      'db-status-us',
      'db-status-ap',
      'db-status',
      'db-usage-eu',
      'db-usage-us',
      'db-usage-ap',
      'db-usage',
    ]);
    expect(inferred?.targets?.['db-migrate']?.dependsOn).toEqual(['db-migrate-eu', 'db-migrate-us', 'db-migrate-ap']);
    expect(inferred?.targets?.['db-migrate-us']?.options).toEqual({ configFile: '{projectRoot}/wesley.config.mjs', database: 'us' });
  });

  it('names the exact files generate writes', () => {
    const { ir } = compileSchema({ name: 'schema.graphql', body: sampleSchema });
    if (ir === null) throw new Error('the sample schema does not compile');
    expect(renderArtifacts(ir).map((artifact) => artifact.file)).toEqual([...generatedFiles]);
  });

  it('is deterministic: no absolute path, no environment value, the same result from another checkout', async () => {
    const secrets = { DATABASE_URL: 'postgres://app:s3cret-one@db.internal/app', US_URL: 'postgres://app:s3cret-two@us.internal/app' };
    const saved = { DATABASE_URL: process.env['DATABASE_URL'], US_URL: process.env['US_URL'] };
    Object.assign(process.env, secrets);
    try {
      const here = await infer(configFiles);
      const text = JSON.stringify(here);
      for (const forbidden of [workspace.root, os.tmpdir(), 's3cret', os.homedir()]) expect(text).not.toContain(forbidden);
      const elsewhere = await tempWorkspace('wesley-nx-clone-');
      try {
        await writeSampleConfigs(elsewhere);
        const there = await createWesleyNodes(configFiles, undefined, contextOf(elsewhere.root), path.join(elsewhere.root, 'cache.hash'));
        expect(there).toEqual(here);
      } finally {
        await elsewhere.remove();
      }
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it('refuses two configs in one directory, and names the file and field of a bad config', async () => {
    await workspace.write('libs/twice/wesley.config.json', '{ "schema": "s.graphql" }');
    await workspace.write('libs/twice/wesley.config.ts', 'export default { schema: "s.graphql" };\n');
    await workspace.write(
      'libs/bad/wesley.config.json',
      '{ "schema": "s.graphql", "databases": [{ "name": "eu", "urlEnv": "postgres://x" }] }',
    );
    const error: unknown = await infer([
      'libs/twice/wesley.config.json',
      'libs/twice/wesley.config.ts',
      'libs/bad/wesley.config.json',
    ]).catch((thrown: unknown) => thrown);
    const errors = (error as { errors?: [string, Error][] }).errors ?? [];
    expect(errors.map(([file, cause]) => [file, cause.message])).toEqual([
      ['libs/twice/wesley.config.json', 'libs/twice holds wesley.config.json and wesley.config.ts: keep one Wesley config per project'],
      ['libs/twice/wesley.config.ts', 'libs/twice holds wesley.config.json and wesley.config.ts: keep one Wesley config per project'],
      [
        'libs/bad/wesley.config.json',
        'libs/bad/wesley.config.json: databases[0].urlEnv: must be the name of an environment variable (such as DATABASE_URL), not a URL or a value',
      ],
    ]);
  });
});

describe('the hash cache', () => {
  const cachePath = () => path.join(workspace.root, '.nx-data', 'shared.hash');
  afterEach(async () => {
    await workspace.write('libs/db/wesley.config.json', JSON.stringify({ schema: 'schema.graphql' }));
  });

  it('answers an unchanged config from the cache file, and misses once the config changes', async () => {
    const first = await infer(['libs/db/wesley.config.json'], undefined, cachePath());
    const stored = JSON.parse(await readFile(cachePath(), 'utf8')) as {
      entries: Record<string, { metadata: Record<string, unknown> }>;
      accessOrder: string[];
    };
    expect(Object.keys(stored.entries)).toHaveLength(1);
    expect(Object.values(stored.entries)[0]).toEqual(project(first, 'libs/db/wesley.config.json'));
    // Mark the stored entry: a second inference that returns the mark read the cache.
    for (const entry of Object.values(stored.entries)) entry.metadata['marker'] = 'from the cache';
    await writeFile(cachePath(), JSON.stringify(stored));
    const second = await infer(['libs/db/wesley.config.json'], undefined, cachePath());
    expect(project(second, 'libs/db/wesley.config.json')?.metadata?.['marker']).toBe('from the cache');

    await workspace.write('libs/db/wesley.config.json', JSON.stringify({ schema: 'schema.graphql', outDir: 'out' }));
    const third = await infer(['libs/db/wesley.config.json'], undefined, cachePath());
    const changed = project(third, 'libs/db/wesley.config.json');
    expect(changed?.metadata?.['marker']).toBeUndefined();
    expect(changed?.targets?.['generate']?.outputs?.[0]).toBe('{projectRoot}/out/schema.sql');
    const after = JSON.parse(await readFile(cachePath(), 'utf8')) as { entries: Record<string, unknown> };
    expect(Object.keys(after.entries)).toHaveLength(2);
  });

  it('keys the cache by the plugin options too', async () => {
    await infer(['libs/db/wesley.config.json'], undefined, cachePath());
    const renamed = project(
      await infer(['libs/db/wesley.config.json'], { generateTargetName: 'gen' }, cachePath()),
      'libs/db/wesley.config.json',
    );
    expect(Object.keys(renamed?.targets ?? {})[0]).toBe('gen');
  });

  it('keeps what it inferred when Nx changes a result it was given', async () => {
    const first = await infer(['libs/db/wesley.config.json'], undefined, cachePath());
    const inferred = project(first, 'libs/db/wesley.config.json');
    if (inferred?.metadata !== undefined) inferred.metadata['mutated'] = true;
    const second = await infer(['libs/db/wesley.config.json'], undefined, cachePath());
    expect(project(second, 'libs/db/wesley.config.json')?.metadata?.['mutated']).toBeUndefined();
  });
});
