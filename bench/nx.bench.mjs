// `npm run bench`: what `@wesley/nx` adds to `nx show projects` on a workspace of 500 database
// projects (each a project.json, a wesley.config.json and a schema), with a warm hash cache (the
// plugin's per-config cache and Nx's file map are filled by warm-up runs). Three workspaces are
// timed in alternation: no plugin, a no-op plugin (same glob, infers nothing: what Nx charges for
// any plugin) and `@wesley/nx`; so the plugin's added time splits into Nx's per-plugin cost and
// Wesley's own share. Modes: daemon off with plugin isolation on (Nx's default, one worker
// process per plugin), daemon off with NX_ISOLATE_PLUGINS=false (a documented Nx setting), and
// daemon on. Median of several runs; target: the plugin adds under 300 ms. Always exits 0 (a
// bench, not a test). Needs `npm run build`: Nx loads the plugin from packages/nx/dist.
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureInterleaved, quantile } from './measure.mjs';

const projects = 500;
const iterations = 7;
const warmup = 2;
const targetMs = 300;
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const nxBin = path.join(repoRoot, 'node_modules/nx/dist/bin/nx.js');
const schema = `type Account @wes_table {
  id: UUID! @wes_pk @wes_default(expr: "gen_random_uuid()")
  email: String! @wes_unique
}
`;

/** The baseline plugin: Wesley's glob, one empty result per file. */
const noopPlugin = `export const createNodesV2 = ['**/wesley.config.{json,mjs,ts}', (files) => files.map((file) => [file, {}])];\n`;

console.log(
  `node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'unknown cpu'}, load average ${os.loadavg()[0].toFixed(1)}`,
);
const root = await mkdtemp(path.join(os.tmpdir(), 'wesley-nx-bench-'));
const daemons = [];
try {
  const workspaces = {
    without: await workspace(path.join(root, 'without'), []),
    noop: await workspace(path.join(root, 'noop'), ['./noop-plugin.mjs']),
    with: await workspace(path.join(root, 'with'), ['@wesley/nx']),
  };
  const expected = `${projects} projects`;

  console.log(`\nnx show projects, ${projects} db projects, median of ${iterations} (after ${warmup} warm-up runs)`);
  const rows = [];
  for (const mode of [
    { label: 'daemon off, plugin isolation on (default)', env: { NX_DAEMON: 'false' } },
    { label: 'daemon off, NX_ISOLATE_PLUGINS=false', env: { NX_DAEMON: 'false', NX_ISOLATE_PLUGINS: 'false' } },
    { label: 'daemon on', env: { NX_DAEMON: 'true' }, daemon: true },
  ]) {
    if (mode.daemon) daemons.push(...Object.values(workspaces));
    const samples = await measureInterleaved(
      Object.fromEntries(Object.entries(workspaces).map(([name, directory]) => [name, () => showProjects(directory, mode.env, expected)])),
      { iterations, warmup },
    );
    const median = (name) => quantile(samples[name], 0.5);
    rows.push({ label: mode.label, without: median('without'), noop: median('noop'), with: median('with') });
  }
  const columns = [
    ['without', 10],
    ['no-op', 10],
    ['wesley', 10],
    ['added', 10],
    ['by Nx', 10],
    ['own', 10],
  ];
  console.log(`${'mode'.padEnd(44)}${columns.map(([title, width]) => title.padStart(width)).join('')}`);
  for (const row of rows) {
    const added = row.with - row.without;
    const own = row.with - row.noop;
    const figures = [row.without, row.noop, row.with, added, row.noop - row.without, own];
    console.log(
      `${row.label.padEnd(44)}${figures.map((value, index) => ms(value).padStart(columns[index][1])).join('')}  added ${verdict(added)}, own ${verdict(own)}`,
    );
  }
  console.log('added = wesley - without; by Nx = no-op - without (any plugin pays it); own = wesley - no-op.');
  for (const [label, isolate] of [
    ['isolation on', 'true'],
    ['NX_ISOLATE_PLUGINS=false', 'false'],
  ]) {
    console.log(`\nbreakdown, daemon off, ${label} (one run, Nx's NX_PERF_LOGGING):${await pluginBreakdown(workspaces.with, isolate)}`);
  }
} finally {
  for (const directory of daemons)
    spawnSync(process.execPath, [nxBin, 'daemon', '--stop'], {
      cwd: directory,
      env: environment(directory, { NX_DAEMON: 'true' }),
      stdio: 'ignore',
    });
  await rm(root, { recursive: true, force: true });
}

/** A workspace of `projects` db projects; `plugins` goes into nx.json. */
async function workspace(directory, plugins) {
  await mkdir(directory, { recursive: true });
  await writeFile(path.join(directory, 'package.json'), JSON.stringify({ name: 'bench', private: true }));
  await writeFile(path.join(directory, 'nx.json'), JSON.stringify({ plugins }));
  await writeFile(path.join(directory, 'noop-plugin.mjs'), noopPlugin);
  await symlink(path.join(repoRoot, 'node_modules'), path.join(directory, 'node_modules'), 'dir');
  for (let index = 0; index < projects; index++) {
    const project = path.join(directory, 'libs', `db${index}`);
    await mkdir(project, { recursive: true });
    await writeFile(path.join(project, 'project.json'), JSON.stringify({ name: `db${index}` }));
    await writeFile(path.join(project, 'wesley.config.json'), JSON.stringify({ schema: 'schema.graphql' }));
    await writeFile(path.join(project, 'schema.graphql'), schema);
  }
  return directory;
}

function environment(directory, extra) {
  const env = {
    ...process.env,
    NX_NO_CLOUD: 'true',
    NX_TUI: 'false',
    CI: 'true',
    FORCE_COLOR: '0',
    NO_COLOR: '1',
    NX_WORKSPACE_DATA_DIRECTORY: path.join(directory, '.nx', 'workspace-data'),
    ...extra,
  };
  delete env.NODE_OPTIONS;
  return env;
}

/** One `nx show projects --json`; checks it listed every project. */
async function showProjects(directory, extra, expected) {
  const { code, stdout, stderr } = await run(
    process.execPath,
    [nxBin, 'show', 'projects', '--json'],
    directory,
    environment(directory, extra),
  );
  const listed = code === 0 ? JSON.parse(stdout).length : -1;
  if (`${listed} projects` !== expected) throw new Error(`nx show projects in ${directory}: ${listed} projects, exit ${code}\n${stderr}`);
}

/** Nx's own timings of the plugin's hooks, from NX_PERF_LOGGING. */
async function pluginBreakdown(directory, isolate) {
  const env = environment(directory, { NX_DAEMON: 'false', NX_ISOLATE_PLUGINS: isolate, NX_PERF_LOGGING: 'true' });
  const { stdout, stderr } = await run(process.execPath, [nxBin, 'show', 'projects'], directory, env);
  const lines = `${stdout}\n${stderr}`.split('\n').filter((line) => line.includes('@wesley/nx'));
  return lines.length === 0 ? '(no plugin timings in the perf log)' : `\n  ${lines.map((line) => line.trim()).join('\n  ')}`;
}

function run(program, args, cwd, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text) => (stderr += text));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function verdict(added) {
  return `${added < targetMs ? 'PASS' : 'FAIL'} (< ${targetMs} ms)`;
}

function ms(value) {
  return `${Math.round(value)} ms`;
}
