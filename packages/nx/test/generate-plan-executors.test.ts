import { cp, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import generateExecutor from '../src/executors/generate/executor.js';
import planExecutor from '../src/executors/plan/executor.js';
import { createWesleyNodes } from '../src/plugins/create-wesley-nodes.js';
import { captureOutput, executorContext } from './executor-context.js';
import { sampleSchema } from './sample-configs.js';
import { tempWorkspace, type TempWorkspace } from './temp-workspace.js';

let workspace: TempWorkspace;
beforeAll(async () => {
  workspace = await tempWorkspace();
  await workspace.write('libs/db/wesley.config.json', JSON.stringify({ schema: 'schema.graphql', dts: true }));
  await workspace.write('libs/db/schema.graphql', sampleSchema);
});
afterAll(() => workspace.remove());

const context = () => executorContext(workspace.root, 'libs/db');
const exists = (file: string) =>
  stat(path.join(workspace.root, file)).then(
    () => true,
    () => false,
  );

describe('the generate executor', () => {
  it('writes, in-process, exactly the outputs the inferred target declares', async () => {
    const { result, stdout } = await captureOutput(() => generateExecutor({ configFile: 'libs/db/wesley.config.json' }, context()));
    expect(result).toEqual({ success: true });
    expect(stdout).toContain('wesley generate: 5 written, 0 unchanged in generated\n');
    const [[, inferred]] = (await createWesleyNodes(
      ['libs/db/wesley.config.json'],
      undefined,
      { nxJsonConfiguration: {}, workspaceRoot: workspace.root },
      path.join(workspace.root, 'c.hash'),
    )) as [[string, { projects: Record<string, { targets: Record<string, { outputs: string[] }> }> }]];
    const outputs = inferred.projects['libs/db']?.targets['generate']?.outputs ?? [];
    expect(outputs).toHaveLength(5);
    for (const output of outputs) expect(await exists(output.replace('{projectRoot}', 'libs/db'))).toBe(true);
    const written = [
      ...(await readdir(path.join(workspace.root, 'libs/db/generated'))).map((file) => `generated/${file}`),
      'schema.d.graphql.ts',
    ];
    expect(written.map((file) => `{projectRoot}/${file}`).sort()).toEqual([...outputs].sort());
  });

  it('finds the project config by itself, and reports stale files with check', async () => {
    await workspace.write('libs/db/generated/types.ts', '// edited by hand\n');
    const { result, stderr } = await captureOutput(() => generateExecutor({ check: true }, context()));
    expect(result).toEqual({ success: false });
    expect(stderr).toContain('stale    generated/types.ts');
  });
});

describe('the plan executor', () => {
  it('writes the plan from the empty baseline into .wesley/plan, with the ir.json that makes it the next baseline', async () => {
    const { result, stdout } = await captureOutput(() => planExecutor({ configFile: 'libs/db/wesley.config.json' }, context()));
    expect(result).toEqual({ success: true });
    expect(stdout).toContain('create-table:account');
    expect((await readdir(path.join(workspace.root, 'libs/db/.wesley/plan'))).sort()).toEqual([
      'down.sql',
      'ir.json',
      'plan.json',
      'up.sql',
    ]);
  });

  it('empties .wesley/plan first: once the plan is promoted there is nothing left to plan, and nothing left there', async () => {
    await workspace.write('libs/db/.wesley/plan/stale.sql', 'select 1;\n');
    await cp(path.join(workspace.root, 'libs/db/.wesley/plan'), path.join(workspace.root, 'libs/db/migrations/0001_init'), {
      recursive: true,
    });
    const { result, stdout } = await captureOutput(() => planExecutor({}, context()));
    expect(result).toEqual({ success: true });
    expect(stdout).toBe('wesley plan: nothing to do, migrations/0001_init/ir.json already matches schema.graphql\n');
    expect(await exists('libs/db/.wesley/plan')).toBe(false);

    await workspace.write('libs/db/schema.graphql', sampleSchema.replace('email: String!', 'email: String!\n  name: String'));
    const next = await captureOutput(() => planExecutor({ serverVersion: 15 }, context()));
    expect(next.result).toEqual({ success: true });
    const plan = JSON.parse(await readFile(path.join(workspace.root, 'libs/db/.wesley/plan/plan.json'), 'utf8')) as {
      serverVersion: number;
      steps: { id: string }[];
    };
    expect([plan.serverVersion, plan.steps.map((step) => step.id)]).toEqual([150000, ['add-column:account.name']]);
  });

  it("plans for the config's serverVersion when the option is not given, and records the range the plan holds for", async () => {
    await workspace.write('libs/db/wesley.config.json', JSON.stringify({ schema: 'schema.graphql', dts: true, serverVersion: 16 }));
    const { result } = await captureOutput(() => planExecutor({}, context()));
    expect(result).toEqual({ success: true });
    const plan = JSON.parse(await readFile(path.join(workspace.root, 'libs/db/.wesley/plan/plan.json'), 'utf8')) as {
      serverVersion: number;
      assumptions: { serverVersion: unknown };
    };
    expect([plan.serverVersion, plan.assumptions.serverVersion]).toEqual([160000, { minimum: 140000, below: 170000 }]);
  });
});
