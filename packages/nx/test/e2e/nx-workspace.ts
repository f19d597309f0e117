import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: its `node_modules` (with `@wesley/*` linked to the packages) serves every workspace. */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const nxBin = path.join(repoRoot, 'node_modules/nx/dist/bin/nx.js');

/** The result of one `nx` run. */
export interface NxResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A temporary Nx workspace on disk, with its own cache and workspace data directories. */
export interface NxWorkspace {
  readonly root: string;
  write(file: string, content: string): Promise<void>;
  read(file: string): Promise<string>;
  /** Runs the repository's `nx` in the workspace, daemon off, no Nx Cloud, without a TTY. */
  nx(args: string[], env?: Record<string, string | undefined>): Promise<NxResult>;
  git(args: string[]): Promise<NxResult>;
  remove(): Promise<void>;
}

/**
 * The lock file entries `externalDependencies` inputs need: Nx hashes an external package by the
 * version the lock file records, so the Wesley packages and `nx` are listed by hand (offline).
 */
function packageLock(): string {
  const entry = (version: string) => ({ version, dev: true });
  return JSON.stringify(
    {
      name: 'workspace',
      version: '0.0.0',
      lockfileVersion: 3,
      requires: true,
      packages: {
        '': {
          name: 'workspace',
          version: '0.0.0',
          devDependencies: { '@wesley/nx': '0.1.0', '@wesley/cli': '0.1.0', '@wesley/core': '0.1.0', nx: '23.3.2' },
        },
        'node_modules/@wesley/nx': entry('0.1.0'),
        'node_modules/@wesley/cli': entry('0.1.0'),
        'node_modules/@wesley/core': entry('0.1.0'),
        'node_modules/nx': entry('23.3.2'),
      },
    },
    null,
    2,
  );
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<NxResult> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * The environment of an `nx` run in a test: daemon off, no Nx Cloud, no TUI, no colours, git
 * identity for commits, and none of vitest's variables; `overrides` last (undefined removes).
 */
export function nxEnvironment(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
    NX_TUI: 'false',
    NX_INTERACTIVE: 'false',
    CI: 'true',
    FORCE_COLOR: '0',
    NO_COLOR: '1',
    GIT_AUTHOR_NAME: 'test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
  };
  for (const name of Object.keys(env)) if (name.startsWith('VITEST') || name === 'NODE_OPTIONS') delete env[name];
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/** Runs the repository's `nx` in `root` with `nxEnvironment(env)`. */
export function runNx(root: string, args: string[], env: Record<string, string | undefined>): Promise<NxResult> {
  return run(process.execPath, [nxBin, ...args], root, nxEnvironment(env));
}

/**
 * A fresh workspace: `package.json`, `nx.json` registering `@wesley/nx`, a lock file, the
 * repository's `node_modules` linked in, `.gitignore`, and `git init` with a first commit of
 * whatever `files` holds.
 */
export async function nxWorkspace(files: Record<string, string>, prefix = 'wesley-nx-e2e-'): Promise<NxWorkspace> {
  const root = await mkdtemp(path.join(os.tmpdir(), prefix));
  const state = await mkdtemp(path.join(os.tmpdir(), `${prefix}state-`));
  const write = async (file: string, content: string) => {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), content);
  };
  await write(
    'package.json',
    JSON.stringify(
      {
        name: 'workspace',
        version: '0.0.0',
        private: true,
        devDependencies: { '@wesley/nx': '0.1.0', '@wesley/cli': '0.1.0', '@wesley/core': '0.1.0', nx: '23.3.2' },
      },
      null,
      2,
    ),
  );
  await write('nx.json', JSON.stringify({ $schema: './node_modules/nx/schemas/nx-schema.json', plugins: ['@wesley/nx'] }, null, 2));
  await write('package-lock.json', packageLock());
  await write('.gitignore', 'node_modules\n.nx\n.wesley\n');
  for (const [file, content] of Object.entries(files)) await write(file, content);
  await symlink(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  const baseEnv = nxEnvironment({
    NX_CACHE_DIRECTORY: path.join(state, 'cache'),
    NX_WORKSPACE_DATA_DIRECTORY: path.join(state, 'workspace-data'),
  });
  const git = (args: string[]) => run('git', args, root, baseEnv);
  await git(['init', '-q', '-b', 'main']);
  await git(['add', '-A']);
  await git(['commit', '-q', '-m', 'init']);
  return {
    root,
    write,
    read: (file) => readFile(path.join(root, file), 'utf8'),
    nx: (args, env = {}) => run(process.execPath, [nxBin, ...args], root, { ...baseEnv, ...env }),
    git,
    async remove() {
      await rm(root, { recursive: true, force: true });
      await rm(state, { recursive: true, force: true });
    },
  };
}

/** Builds the packages' `dist` (the plugin and executors Nx loads) when it is missing. */
export async function ensureBuilt(): Promise<void> {
  if (
    existsSync(path.join(repoRoot, 'packages/nx/dist/plugins/plugin.js')) &&
    existsSync(path.join(repoRoot, 'packages/cli/dist/index.js'))
  )
    return;
  const result = await run(
    process.execPath,
    [
      path.join(repoRoot, 'node_modules/typescript/bin/tsc'),
      '-b',
      'packages/core',
      'packages/postgres',
      'packages/unplugin',
      'packages/cli',
      'packages/nx',
    ],
    repoRoot,
    process.env,
  );
  if (result.code !== 0) throw new Error(`build failed:\n${result.stdout}${result.stderr}`);
}
