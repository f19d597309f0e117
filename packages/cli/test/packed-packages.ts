/**
 * The workspace's packages as a user gets them: `npm pack` of the seven workspaces, and commands
 * run in a project outside this workspace with the environment a user's shell would give.
 * Shared by the packed-install and getting-started tests.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectOutput, type CliRun } from './run-built-cli.js';

export const repo = fileURLToPath(new URL('../../../', import.meta.url));
export const packageNames = ['core', 'config', 'postgres', 'unplugin', 'cli', 'nx', 'eslint-plugin'] as const;
export type PackageName = (typeof packageNames)[number];

export interface PackageJson {
  readonly name: string;
  readonly files: readonly string[];
  readonly exports: Readonly<Record<string, string | { readonly default: string }>>;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
  readonly peerDependenciesMeta?: Readonly<Record<string, { readonly optional?: boolean }>>;
}

export const packageDir = (name: PackageName) => path.join(repo, 'packages', name);
export const manifest = (name: PackageName): PackageJson =>
  JSON.parse(readFileSync(path.join(packageDir(name), 'package.json'), 'utf8')) as PackageJson;

/**
 * The environment a user's shell would give: without what npm and vitest set for this run
 * (`npm_config_local_prefix` would point npm at this workspace, `NODE_ENV=test` would change
 * `vite build`), but with the npm settings that say where the registry and the cache are.
 */
export function userEnv(): Record<string, string> {
  const keep = /^npm_config_(cache|registry|userconfig|globalconfig|cafile|proxy|https_proxy|noproxy|strict_ssl)$/i;
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (/^npm_/i.test(key) && !keep.test(key)) continue;
    if (/^(VITEST|TEST$|NODE_ENV$|NODE_OPTIONS$|FORCE_COLOR$|NO_COLOR$|INIT_CWD$)/.test(key)) continue;
    env[key] = value;
  }
  return { ...env, CI: 'true', NO_COLOR: '1' };
}

/** Runs `command ...args` in `cwd` with pipes (no terminal) and collects its output. */
export function run(cwd: string, command: string, ...args: string[]): Promise<CliRun> {
  return collectOutput(spawn(command, args, { cwd, env: userEnv(), stdio: ['ignore', 'pipe', 'pipe'] }));
}

/** `run`, failing with the command's output unless it exits 0. */
export async function runOk(cwd: string, command: string, ...args: string[]): Promise<CliRun> {
  const result = await run(cwd, command, ...args);
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.code}\n${result.stdout}\n${result.stderr}`);
  return result;
}

export interface PackResult {
  readonly name: string;
  readonly filename: string;
  readonly size: number;
  readonly unpackedSize: number;
  readonly entryCount: number;
  readonly files: readonly { readonly path: string }[];
}

/** `npm pack --json` of the seven workspaces (`--dry-run`, or into `destination`). */
export async function pack(...options: string[]): Promise<Map<PackageName, PackResult>> {
  for (const name of packageNames) {
    if (!existsSync(path.join(packageDir(name), 'dist', 'index.js')))
      throw new Error(`packages/${name}/dist is missing: run npm run build first`);
  }
  const workspaces = packageNames.flatMap((name) => ['--workspace', `packages/${name}`]);
  const { stdout } = await runOk(repo, 'npm', 'pack', '--json', ...options, ...workspaces);
  const results = JSON.parse(stdout) as PackResult[];
  return new Map(packageNames.map((name) => [name, results.find((r) => r.name === `@wesley/${name}`)!]));
}

/** The version of a package installed in this workspace: the app gets the same, so the test is repeatable. */
export const workspaceVersion = (name: string): string =>
  (JSON.parse(readFileSync(path.join(repo, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
