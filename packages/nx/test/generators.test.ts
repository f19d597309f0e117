import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { readJson, readNxJson, readProjectConfiguration, updateNxJson, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { resolveConfig } from '@wesley/cli';
import { compileSchema, hasErrors } from '@wesley/core';
import { FsTree, flushChanges } from 'nx/src/generators/tree';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseGenerator } from '../src/generators/database/generator.js';
import { initGenerator } from '../src/generators/init/generator.js';
import { migrationGenerator, type MigrationGeneratorOptions } from '../src/generators/migration/generator.js';
import { tempWorkspace, type TempWorkspace } from './temp-workspace.js';

let tree: Tree;
beforeEach(() => {
  tree = createTreeWithEmptyWorkspace();
});

describe('init', () => {
  it('registers the plugin and ignores .wesley, once however often it runs', async () => {
    tree.write('.gitignore', 'node_modules\ndist');
    await initGenerator(tree, { skipFormat: true });
    await initGenerator(tree, { skipFormat: true });
    expect(readNxJson(tree)?.plugins).toEqual(['@wesley/nx']);
    expect(tree.read('.gitignore', 'utf-8')).toBe('node_modules\ndist\n\n# Wesley: embedded PostgreSQL data and plans\n.wesley\n');
  });

  it('adds @wesley/cli, whose commands the executors run, to the devDependencies, keeping a version already there', async () => {
    await initGenerator(tree, { skipFormat: true });
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(readJson<{ devDependencies: Record<string, string> }>(tree, 'package.json').devDependencies['@wesley/cli']).toBe(version);
    tree.write('package.json', JSON.stringify({ devDependencies: { '@wesley/cli': '^0.0.9' } }));
    await initGenerator(tree, { skipFormat: true });
    expect(readJson<{ devDependencies: Record<string, string> }>(tree, 'package.json').devDependencies['@wesley/cli']).toBe('^0.0.9');
  });

  it('keeps a registration with options, and the other plugins, as they are', async () => {
    const nxJson = readNxJson(tree) ?? {};
    const plugins = ['@nx/js/typescript', { plugin: '@wesley/nx/plugin', options: { migrateTargetName: 'db-migrate' } }];
    updateNxJson(tree, { ...nxJson, plugins });
    tree.write('.gitignore', '**/.wesley/\n');
    await initGenerator(tree, { skipFormat: true });
    expect(readNxJson(tree)?.plugins).toEqual(plugins);
    expect(tree.read('.gitignore', 'utf-8')).toBe('**/.wesley/\n');
  });

  it('writes a minimal nx.json registering the plugin when the workspace has none', async () => {
    tree.delete('nx.json');
    await initGenerator(tree, { skipFormat: true });
    expect(readJson(tree, 'nx.json')).toEqual({ $schema: './node_modules/nx/schemas/nx-schema.json', plugins: ['@wesley/nx'] });
    // Once: the second run finds it registered.
    await initGenerator(tree, { skipFormat: true });
    expect(readNxJson(tree)?.plugins).toEqual(['@wesley/nx']);
  });

  it('writes a .gitignore when there is none', async () => {
    tree.delete('.gitignore');
    await initGenerator(tree, { skipFormat: true });
    expect(tree.read('.gitignore', 'utf-8')).toBe('# Wesley: embedded PostgreSQL data and plans\n.wesley\n');
  });
});

describe('database', () => {
  it('creates a db project whose config loads and whose starter schema compiles', async () => {
    await databaseGenerator(tree, { name: 'billing-db', tags: 'scope:billing, type:db', skipFormat: true });
    const root = 'libs/billing-db';
    expect(tree.children(root).sort()).toEqual(['migrations', 'project.json', 'schema.graphql', 'wesley.config.json']);
    expect(tree.children(`${root}/migrations`)).toEqual(['.gitkeep']);
    const config = resolveConfig(
      readJson(tree, `${root}/wesley.config.json`),
      `/ws/${root}/wesley.config.json`,
      `${root}/wesley.config.json`,
    );
    expect([config.schema, config.outDir, config.migrations]).toEqual([['schema.graphql'], 'generated', 'migrations']);
    const { ir, diagnostics } = compileSchema({ name: 'schema.graphql', body: tree.read(`${root}/schema.graphql`, 'utf-8') ?? '' });
    expect(hasErrors(diagnostics, true)).toBe(false);
    expect(ir?.tables.map((table) => table.name)).toEqual(['account']);
    expect(readProjectConfiguration(tree, 'billing-db')).toMatchObject({
      root,
      projectType: 'library',
      tags: ['scope:billing', 'type:db'],
    });
    expect(readNxJson(tree)?.plugins).toEqual(['@wesley/nx']);
  });

  it('relies on the plugin to make the directory a project without project.json', async () => {
    await databaseGenerator(tree, { name: 'orders', directory: 'packages/data', projectJson: false, skipFormat: true });
    expect(tree.children('packages/data/orders').sort()).toEqual(['migrations', 'schema.graphql', 'wesley.config.json']);
  });

  it('refuses a taken directory and a name that is not a project name', async () => {
    tree.write('libs/db/README.md', 'taken');
    await expect(databaseGenerator(tree, { name: 'db', skipFormat: true })).rejects.toThrow(
      'libs/db already exists: choose another name or --directory',
    );
    await expect(databaseGenerator(tree, { name: 'Bad Name', skipFormat: true })).rejects.toThrow(
      "'Bad Name' is not a database project name",
    );
  });
});

describe('migration', () => {
  const v1 = 'type Account @wes_table {\n  id: UUID! @wes_pk\n}\n';
  const v2 = 'type Account @wes_table {\n  id: UUID! @wes_pk\n}\n\ntype Team @wes_table {\n  id: UUID! @wes_pk\n}\n';
  let workspace: TempWorkspace;
  beforeEach(async () => {
    workspace = await tempWorkspace('wesley-nx-migration-');
    await workspace.write('nx.json', '{}');
    await workspace.write('libs/db/wesley.config.json', '{ "schema": "schema.graphql" }');
    await workspace.write('libs/db/project.json', '{ "name": "db" }');
    await workspace.write('libs/db/schema.graphql', v1);
    await workspace.write('libs/db/migrations/.gitkeep', '');
  });
  afterEach(async () => {
    await workspace.remove();
  });

  /** The generator on the workspace on disk, as `nx g` runs it: the tree flushed, then the callback. */
  async function generate(options: MigrationGeneratorOptions): Promise<void> {
    const fsTree = new FsTree(workspace.root, false);
    const callback = migrationGenerator(fsTree, options);
    flushChanges(workspace.root, fsTree.listChanges());
    await callback();
  }

  it(
    'writes the plan as the next numbered migration of the only Wesley project, as wesley plan --name does',
    { timeout: 60_000 },
    async () => {
      await generate({ name: 'init' });
      expect((await readdir(path.join(workspace.root, 'libs/db/migrations'))).sort()).toEqual(['.gitkeep', '0001_init']);
      await workspace.write('libs/db/schema.graphql', v2);
      await generate({ name: 'add_teams', project: 'db' });
      expect((await readdir(path.join(workspace.root, 'libs/db/migrations/0002_add_teams'))).sort()).toEqual([
        'down.sql',
        'ir.json',
        'plan.json',
        'up.sql',
      ]);
      const plan = JSON.parse(await readFile(path.join(workspace.root, 'libs/db/migrations/0002_add_teams/plan.json'), 'utf8')) as {
        steps: { id: string }[];
      };
      expect(plan.steps.map((step) => step.id)).toEqual(['create-table:team']);
    },
  );

  it('refuses a project that is not a Wesley project, and a missing --project among several, naming them', async () => {
    await workspace.write('packages/orders/wesley.config.mjs', 'export default { schema: "schema.graphql" };\n');
    await workspace.write('packages/orders/package.json', '{ "name": "@shop/orders" }');
    const fsTree = new FsTree(workspace.root, false);
    expect(() => migrationGenerator(fsTree, { name: 'x' })).toThrow(
      'this workspace has several Wesley projects (db, @shop/orders): pick one with --project <name>',
    );
    expect(() => migrationGenerator(fsTree, { name: 'x', project: 'web' })).toThrow(
      "'web' is not a Wesley project of this workspace (they are db, @shop/orders)",
    );
  });

  it('fails with the command’s refusal for a name that is not a slug, writing nothing', { timeout: 60_000 }, async () => {
    await expect(generate({ name: 'Add-Teams' })).rejects.toThrow('wesley plan --name Add-Teams failed (exit code 2)');
    expect(await readdir(path.join(workspace.root, 'libs/db/migrations'))).toEqual(['.gitkeep']);
  });
});
