import type { TempWorkspace } from './temp-workspace.js';

/** A schema every sample compiles. */
export const sampleSchema = `type Account @wes_table {
  id: UUID! @wes_pk @wes_default(expr: "gen_random_uuid()")
  email: String!
}
`;

/**
 * Three database projects, one per kind of config:
 * - `libs/db` (json, one database, named by its project.json),
 * - `libs/shards` (mjs, three databases, named by its package.json),
 * - `libs/tsdb` (ts importing a TypeScript module, dts on, no project file: the plugin names it).
 */
export async function writeSampleConfigs(workspace: TempWorkspace): Promise<string[]> {
  await workspace.write('libs/db/project.json', JSON.stringify({ name: 'db' }));
  await workspace.write('libs/db/wesley.config.json', JSON.stringify({ schema: 'schema.graphql' }));
  await workspace.write('libs/db/schema.graphql', sampleSchema);

  await workspace.write('libs/shards/package.json', JSON.stringify({ name: '@acme/shards' }));
  await workspace.write(
    'libs/shards/wesley.config.mjs',
    `export default {
  schema: ['schema/*.graphql'],
  outDir: 'src/generated',
  migrations: 'db/migrations',
  databases: [{ name: 'eu' }, { name: 'us', urlEnv: 'US_URL' }, { name: 'ap' }],
};
`,
  );
  await workspace.write('libs/shards/schema/account.graphql', sampleSchema);

  await workspace.write('libs/tsdb/schema-file.ts', "export const schemaFile: string = 'schema.graphql';\n");
  await workspace.write(
    'libs/tsdb/wesley.config.ts',
    `import { schemaFile } from './schema-file';
export default { schema: schemaFile, outDir: './gen/', dts: true };
`,
  );
  await workspace.write('libs/tsdb/schema.graphql', sampleSchema);
  return ['libs/db/wesley.config.json', 'libs/shards/wesley.config.mjs', 'libs/tsdb/wesley.config.ts'];
}
