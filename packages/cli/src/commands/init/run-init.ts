import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { configFileNames } from '@wesley/config';
import { ignoreWesleyDirectories, starterSchema, writeFileIfChanged } from '@wesley/config/files';
import { exitCodes } from '../../exit-codes.js';
import { UsageError } from '../../usage-error.js';
import type { CommandRun } from '../define-command.js';
import type { initOptions } from './init-options.js';

const name = 'init';

/** The config `wesley init` writes: every field a new project needs to see, at its default. */
function initialConfig(schema: string): string {
  return `${JSON.stringify({ schema, outDir: 'generated', migrations: 'migrations' }, null, 2)}\n`;
}

/** Runs `wesley init` with its parsed flags. */
export const runInit: CommandRun<typeof initOptions> = async (values, context) => {
  const root = context.cwd;
  const schemaFlag = values.schema ?? 'schema.graphql';
  const schema = path.resolve(root, schemaFlag);
  const relativeSchema = path.relative(root, schema).split(path.sep).join('/');
  if (relativeSchema === '' || relativeSchema.startsWith('../') || path.isAbsolute(relativeSchema))
    throw new UsageError(`--schema ${schemaFlag} is not a file inside this directory, the project root`, name);
  // The config reads such a name as a glob: a file written under it would not be the schema.
  if (/[*?[\]{}()!]/.test(relativeSchema)) throw new UsageError(`--schema ${schemaFlag} is a glob; name one file`, name);
  const migrations = path.join(root, 'migrations');
  const gitignore = path.join(root, '.gitignore');

  // Everything checked before anything is written: a refusal changes nothing.
  const inTheWay = [
    ...(await Promise.all(configFileNames.map(async (file) => ((await kindOf(path.join(root, file))) === null ? null : file)))),
    (await kindOf(migrations)) === 'file' ? 'migrations (a file, where the migrations directory goes)' : null,
    (await kindOf(schema)) === 'directory' ? `${relativeSchema} (a directory, where the schema file goes)` : null,
    (await kindOf(gitignore)) === 'directory' ? '.gitignore (a directory)' : null,
  ].filter((entry): entry is string => entry !== null);
  if (inTheWay.length > 0) {
    throw new UsageError(`${inTheWay.join(', ')} already exist${inTheWay.length === 1 ? 's' : ''}: nothing was written`, name, {
      code: 'WES370',
      help:
        inTheWay[0]?.startsWith('wesley.config') === true
          ? 'this directory is a Wesley project already: run wesley generate, plan or migrate here'
          : 'move it out of the way, or run wesley init in another directory',
    });
  }

  // The config last: an init killed part way leaves no config, so running it again finishes the
  // job (the schema it wrote is adopted, the rest is idempotent) instead of refusing (WES370).
  const lines: string[] = [];
  if ((await kindOf(schema)) === 'file') lines.push(`  adopted ${relativeSchema}`);
  else {
    await mkdir(path.dirname(schema), { recursive: true });
    // 'wx': never replace a file, even one written since the check.
    await writeFile(schema, starterSchema(starterComment), { flag: 'wx' });
    lines.push(`  wrote ${relativeSchema}`);
  }
  if ((await kindOf(migrations)) === null) {
    // A directory git keeps: a new clone has it before the first migration.
    await mkdir(migrations);
    await writeFile(path.join(migrations, '.gitkeep'), '', { flag: 'wx' });
    lines.push('  wrote migrations/.gitkeep');
  }
  const ignored = ignoreWesleyDirectories(await readFile(gitignore, 'utf8').catch(() => ''));
  if (ignored !== null) {
    await writeFileIfChanged(gitignore, ignored);
    lines.push('  updated .gitignore (.wesley)');
  }
  await writeFile(path.join(root, 'wesley.config.json'), initialConfig(relativeSchema), { flag: 'wx' });
  lines.push('  wrote wesley.config.json');
  context.stdout.write(
    `${lines.join('\n')}\nwesley init: ${root} is a Wesley project; next:\n` +
      '  npx wesley generate             SQL, TypeScript types and Zod validators in generated/\n' +
      '  npx wesley plan --name init     the first migration, which creates the schema: migrations/0001_init\n' +
      '  npx wesley migrate              apply it (DATABASE_URL, else an embedded PostgreSQL in .wesley/pg)\n',
  );
  return exitCodes.ok;
};

/** The opening comment of the starter schema. */
const starterComment = [
  'The schema of this project. Every type marked @wes_table becomes a PostgreSQL table.',
  '  npx wesley generate            SQL, TypeScript types and Zod validators in generated/',
  '  npx wesley plan --name <name>  the migration from the last one to this schema, in migrations/',
  '  npx wesley migrate             apply migrations/ (DATABASE_URL, else an embedded PostgreSQL)',
];

async function kindOf(file: string): Promise<'file' | 'directory' | 'other' | null> {
  // Followed, as the writes below would follow a symlink.
  const found = await stat(file).catch(() => null);
  if (found === null) return null;
  return found.isFile() ? 'file' : found.isDirectory() ? 'directory' : 'other';
}
