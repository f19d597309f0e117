import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import lintExecutor from '../src/executors/lint/executor.js';
import { createWesleyNodes } from '../src/plugins/create-wesley-nodes.js';
import { captureOutput, executorContext } from './executor-context.js';
import { sampleSchema } from './sample-configs.js';
import { tempWorkspace, type TempWorkspace } from './temp-workspace.js';

let workspace: TempWorkspace;
beforeAll(async () => {
  workspace = await tempWorkspace();
  await workspace.write('libs/db/wesley.config.json', JSON.stringify({ schema: 'schema.graphql', migrations: 'sql', serverVersion: 15 }));
  await workspace.write('libs/db/schema.graphql', sampleSchema);
  await workspace.write('libs/fresh/wesley.config.json', JSON.stringify({ schema: 'schema.graphql' }));
  await workspace.write('libs/fresh/schema.graphql', sampleSchema);
});
afterAll(() => workspace.remove());

describe('the lint target and executor', () => {
  it('is inferred cached, with the config and the migrations SQL as inputs and no outputs', async () => {
    const [[, inferred]] = (await createWesleyNodes(
      ['libs/db/wesley.config.json'],
      { lintTargetName: 'lint-sql' },
      { nxJsonConfiguration: {}, workspaceRoot: workspace.root },
      path.join(workspace.root, 'c.hash'),
    )) as [[string, { projects: Record<string, { targets: Record<string, unknown> }> }]];
    expect(inferred.projects['libs/db']?.targets['lint-sql']).toMatchObject({
      executor: '@wesley/nx:lint',
      options: { configFile: '{projectRoot}/wesley.config.json' },
      cache: true,
      inputs: ['{projectRoot}/wesley.config.json', '{projectRoot}/sql/**/*.sql', { externalDependencies: ['@wesley/cli', '@wesley/core'] }],
      outputs: [],
    });
  });

  it("lints the config's migrations for its server version and fails on an unapproved hazard, in-process", async () => {
    await workspace.write('libs/db/sql/0001_index.sql', 'ALTER TABLE account ALTER COLUMN email SET NOT NULL;\n');
    const context = executorContext(workspace.root, 'libs/db');
    const { result, stdout } = await captureOutput(() => lintExecutor({ json: true }, context));
    expect(result).toEqual({ success: false });
    const json = JSON.parse(stdout) as { serverVersion: number; files: { file: string; findings: { rule: string }[] }[] };
    expect(json.serverVersion).toBe(150000);
    expect(json.files.map((file) => [file.file, file.findings.map((finding) => finding.rule)])).toEqual([
      ['sql/0001_index.sql', ['set-not-null-scan']],
    ]);

    await workspace.write(
      'libs/db/sql/0001_index.sql',
      '-- wesley:allow-blocking 30 rows\nALTER TABLE account ALTER COLUMN email SET NOT NULL;\n',
    );
    const approved = await captureOutput(() => lintExecutor({ format: 'sarif' }, context));
    expect(approved.result).toEqual({ success: true });
    expect(JSON.parse(approved.stdout)).toMatchObject({ version: '2.1.0' });
  });

  it('succeeds with nothing to lint when the migrations directory is not made yet', async () => {
    const { result, stdout } = await captureOutput(() => lintExecutor({}, executorContext(workspace.root, 'libs/fresh')));
    expect(result).toEqual({ success: true });
    expect(stdout).toContain('wesley lint: 0 files, 0 statements for PostgreSQL 18: no findings\n');
  });
});
