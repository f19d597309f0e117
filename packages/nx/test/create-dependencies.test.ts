import type { CreateDependenciesContext, FileData, ProjectConfiguration } from '@nx/devkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDependencies } from '../src/plugins/plugin.js';
import { importSpecifiers } from '../src/plugins/import-specifiers.js';
import { tempWorkspace, type TempWorkspace } from './temp-workspace.js';

const files: Record<string, string> = {
  // The app imports the schema itself...
  'apps/web/src/main.ts': "import { AccountSchema, type Account } from '../../../libs/db/schema.graphql';\nconsole.log(AccountSchema);\n",
  // ...another app a generated module, by a dynamic import...
  'apps/admin/src/load.ts': "export const load = () => import('../../../libs/db/generated/zod');\n",
  // ...a third a schema file that only matches the db project's glob, with a query.
  'apps/report/src/types.mts': "import types from '../../../libs/shards/schema/account.graphql?raw';\nexport default types;\n",
  // Unrelated: a GraphQL file that is not a Wesley schema, a same-named file elsewhere, the db's own file.
  'apps/unrelated/src/index.ts': "import query from './query.graphql';\nimport x from '../../web/schema.graphql';\nexport { query, x };\n",
  'libs/db/src/index.ts': "export * from '../generated/zod';\nimport '../schema.graphql';\n",
  'apps/web/README.md': "import '../../libs/db/schema.graphql'\n",
};

let workspace: TempWorkspace;
beforeAll(async () => {
  workspace = await tempWorkspace();
  for (const [file, content] of Object.entries(files)) await workspace.write(file, content);
});
afterAll(() => workspace.remove());

const wesley = (schema: string[], outDir: string) => ({
  configFile: 'wesley.config.json',
  schema,
  outDir,
  migrations: 'migrations',
  declarationFile: null,
  databases: ['default'],
});

function context(): CreateDependenciesContext {
  const projects: Record<string, ProjectConfiguration> = {
    db: { root: 'libs/db', metadata: { wesley: wesley(['schema.graphql'], 'generated') } },
    shards: { root: 'libs/shards', metadata: { wesley: wesley(['schema/*.graphql'], 'src/generated') } },
    web: { root: 'apps/web' },
    admin: { root: 'apps/admin' },
    report: { root: 'apps/report' },
    unrelated: { root: 'apps/unrelated' },
  };
  const fileData = (file: string): FileData => ({ file, hash: 'h' });
  const byProject: Record<string, FileData[]> = {};
  for (const file of Object.keys(files)) {
    const owner = Object.entries(projects).find(([, configuration]) => file.startsWith(`${configuration.root}/`))?.[0] ?? 'unrelated';
    (byProject[owner] ??= []).push(fileData(file));
  }
  const fileMap = { projectFileMap: byProject, nonProjectFiles: [] };
  return { externalNodes: {}, projects, nxJsonConfiguration: {}, fileMap, filesToProcess: fileMap, workspaceRoot: workspace.root };
}

describe('createDependencies', () => {
  it('links each project that imports a schema file or a generated module to the project of the schema', async () => {
    expect(await createDependencies(undefined, context())).toEqual([
      { source: 'admin', target: 'db', sourceFile: 'apps/admin/src/load.ts', type: 'static' },
      { source: 'report', target: 'shards', sourceFile: 'apps/report/src/types.mts', type: 'static' },
      { source: 'web', target: 'db', sourceFile: 'apps/web/src/main.ts', type: 'static' },
    ]);
  });

  it('reads only the files Nx says changed', async () => {
    const changed = {
      ...context(),
      filesToProcess: { projectFileMap: { admin: [{ file: 'apps/admin/src/load.ts', hash: 'h' }] }, nonProjectFiles: [] },
    };
    expect(await createDependencies(undefined, changed)).toEqual([
      { source: 'admin', target: 'db', sourceFile: 'apps/admin/src/load.ts', type: 'static' },
    ]);
  });

  it('adds nothing in a workspace without Wesley projects', async () => {
    const plain = context();
    const projects = Object.fromEntries(
      Object.entries(plain.projects).map(([name, configuration]) => [name, { root: configuration.root }]),
    );
    expect(await createDependencies(undefined, { ...plain, projects })).toEqual([]);
  });
});

describe('importSpecifiers', () => {
  it('finds static, side-effect, re-export, dynamic and require specifiers', () => {
    const source = `import a from './a';
import { b } from "../b.graphql";
import './side-effect.css';
export * from './re-export';
export { c } from './named';
const d = await import('./dynamic');
const e = require('./required');
import type { F } from './types';
`;
    expect(importSpecifiers(source)).toEqual([
      './a',
      '../b.graphql',
      './side-effect.css',
      './re-export',
      './named',
      './dynamic',
      './required',
      './types',
    ]);
  });
});
