import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleSchema } from '../sample-configs.js';
import { ensureBuilt, nxWorkspace, type NxWorkspace } from './nx-workspace.js';

let workspace: NxWorkspace;

beforeAll(async () => {
  await ensureBuilt();
  workspace = await nxWorkspace({
    'libs/db/project.json': JSON.stringify({ name: 'db' }),
    'libs/db/wesley.config.json': JSON.stringify({ schema: 'schema.graphql' }),
    'libs/db/schema.graphql': sampleSchema,
    'apps/web/project.json': JSON.stringify({ name: 'web' }),
    'apps/web/main.ts': "import { AccountSchema } from '../../libs/db/schema.graphql';\n\nconsole.log(AccountSchema);\n",
    'libs/other/project.json': JSON.stringify({ name: 'other' }),
    'libs/other/index.ts': 'export const other = 1;\n',
  });
}, 120_000);
afterAll(() => workspace?.remove());

/** The projects `nx show projects --affected` lists against the last commit (uncommitted edits count). */
async function affected(): Promise<string[]> {
  const result = await workspace.nx(['show', 'projects', '--affected', '--base=HEAD', '--json']);
  expect(result.code, result.stdout + result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as string[]).sort();
}

describe('nx affected with the real nx, in a git repository', { timeout: 60_000 }, () => {
  it('draws the edge from the app importing the schema to the db project', async () => {
    const graph = await workspace.nx(['graph', '--file=graph.json']);
    expect(graph.code, graph.stdout + graph.stderr).toBe(0);
    const {
      graph: { dependencies },
    } = JSON.parse(await workspace.read('graph.json')) as { graph: { dependencies: Record<string, { target: string; type: string }[]> } };
    expect(dependencies['web']).toEqual([{ source: 'web', target: 'db', type: 'static' }]);
    expect(dependencies['other']).toEqual([]);
    await workspace.git(['clean', '-fdq', '--', 'graph.json']);
  });

  it('lists the db project and the app after a schema edit', async () => {
    expect(await affected()).toEqual([]);
    await workspace.write('libs/db/schema.graphql', `${sampleSchema}\ntype Team @wes_table {\n  id: UUID! @wes_pk\n}\n`);
    expect(await affected()).toEqual(['db', 'web']);
    await workspace.git(['checkout', '-q', '--', 'libs/db/schema.graphql']);
  });

  it('lists neither after an unrelated edit', async () => {
    await workspace.write('libs/other/index.ts', 'export const other = 2;\n');
    expect(await affected()).toEqual(['other']);
    await workspace.git(['checkout', '-q', '--', 'libs/other/index.ts']);
  });
});
