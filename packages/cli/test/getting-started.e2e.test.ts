/**
 * docs/getting-started.md followed literally, outside this workspace: every `sh` block runs in
 * order in one bash per block (from the directory the previous block ended in, as in a user's
 * terminal), and every block with a `file=<path>` info string is written there first, as the user
 * would save it. Blocks marked `norun` and output samples (`text`) do not run. The registry's
 * stand-in is an `npm` on PATH that installs `@wesley/<name>` from the tarball `npm pack` made
 * (and pins the packages those depend on to theirs); everything else comes from npm's cache.
 * One install serves every step of the Vite app, one more the Nx workspace beside it. Needs the
 * build (`npm test` runs it first).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pack, packageNames, repo, run } from './packed-packages.js';
import type { CliRun } from './run-built-cli.js';

/** A fenced block of the markdown: its language, the other words of its info string, its text. */
interface DocBlock {
  readonly lang: string;
  readonly info: readonly string[];
  readonly text: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
}

/** Every fenced block of `markdown`, in order. */
function fencedBlocks(markdown: string): DocBlock[] {
  const blocks: DocBlock[] = [];
  for (const match of markdown.matchAll(/^```(\S*)([^\n]*)\n([\s\S]*?)^```$/gm)) {
    blocks.push({
      lang: match[1]!,
      info: match[2]!.trim().split(/\s+/).filter(Boolean),
      text: match[3]!,
      line: markdown.slice(0, match.index).split('\n').length,
    });
  }
  return blocks;
}

/** What a block asks for: a file written where the reader is, a shell block run there, or nothing. */
function fileOf(block: DocBlock): string | undefined {
  return block.info.find((word) => word.startsWith('file='))?.slice('file='.length);
}
const runs = (block: DocBlock): boolean => block.lang === 'sh' && !block.info.includes('norun');

/** One shell block as it ran: the directory it ran in, and its output. */
interface BlockRun extends CliRun {
  readonly block: DocBlock;
  readonly cwd: string;
}

/**
 * The `npm` on PATH: `@wesley/<name>` (`@wesley/<name>@<version>` too, as `nx add` asks for it)
 * is the tarball, for what is installed and for what it depends on. A direct dependency's
 * override must equal its spec, so a package named or already a direct dependency is not pinned.
 */
function npmShim(realNpm: string, tarballs: string): string {
  return `#!/usr/bin/env bash
if [[ "$1" == i || "$1" == install || "$1" == add ]]; then
  args=(); named=()
  for a in "$@"; do
    if [[ "$a" == @wesley/* ]]; then
      name="\${a#@wesley/}"; name="\${name%%@*}"
      named+=("@wesley/\${name}"); args+=("${tarballs}/\${name}.tgz")
    else args+=("$a"); fi
  done
  if (( \${#named[@]} > 0 )); then
    direct=$(node -p "const p = require('./package.json'); Object.keys({ ...p.dependencies, ...p.devDependencies }).join(' ')") || exit 1
    pins=(); unpins=()
    for name in ${packageNames.join(' ')}; do
      if [[ " \${named[*]} \${direct} " == *" @wesley/\${name} "* ]]; then unpins+=("overrides.@wesley/\${name}")
      else pins+=("overrides.@wesley/\${name}=file:${tarballs}/\${name}.tgz"); fi
    done
    "${realNpm}" pkg delete "\${unpins[@]}" || exit 1
    if (( \${#pins[@]} > 0 )); then "${realNpm}" pkg set "\${pins[@]}" || exit 1; fi
  fi
  exec "${realNpm}" "\${args[@]}" --prefer-offline --no-audit --no-fund
fi
exec "${realNpm}" "$@"
`;
}

describe('docs/getting-started.md, followed in a new directory with the packed packages', () => {
  let root: string;
  const ran: BlockRun[] = [];
  let failed: BlockRun | undefined;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'wesley-getting-started-'));
    const tarballs = path.join(root, 'tarballs');
    const bin = path.join(root, 'bin');
    await mkdir(tarballs);
    await mkdir(bin);
    const packed = await pack('--pack-destination', tarballs);
    for (const name of packageNames) await copyFile(path.join(tarballs, packed.get(name)!.filename), path.join(tarballs, `${name}.tgz`));
    const realNpm = spawnSync('bash', ['-c', 'command -v npm'], { encoding: 'utf8' }).stdout.trim();
    await writeFile(path.join(bin, 'npm'), npmShim(realNpm, tarballs));
    await chmod(path.join(bin, 'npm'), 0o755);

    const doc = await readFile(path.join(repo, 'docs', 'getting-started.md'), 'utf8');
    const home = path.join(root, 'home');
    await mkdir(home);
    let cwd = home;
    const cwdFile = path.join(root, 'cwd');
    for (const block of fencedBlocks(doc)) {
      const file = fileOf(block);
      if (file !== undefined) {
        await mkdir(path.dirname(path.join(cwd, file)), { recursive: true });
        await writeFile(path.join(cwd, file), block.text);
      }
      if (!runs(block)) continue;
      // The block as written, then where it ended: the next block starts there.
      const script = `set -e -o pipefail\nexport PATH="${bin}:$PATH"\nunset DATABASE_URL\n${block.text}\npwd > "${cwdFile}"\n`;
      const result = await run(cwd, 'bash', '-c', script);
      ran.push({ ...result, block, cwd });
      if (result.code !== 0) {
        failed = ran.at(-1);
        break;
      }
      cwd = (await readFile(cwdFile, 'utf8')).trim();
    }
  }, 1_200_000);

  afterAll(async () => {
    if (root !== undefined) await rm(root, { recursive: true, force: true });
  });

  /** The output of the blocks whose text contains `command`. */
  const outputOf = (command: string): string =>
    ran
      .filter((r) => r.block.text.includes(command))
      .map((r) => r.stdout + r.stderr)
      .join('\n');

  it('runs every shell block, each exiting 0', () => {
    expect(failed && { line: failed.block.line, code: failed.code, out: `${failed.stdout}\n${failed.stderr}` }).toBeUndefined();
    const doc = fencedBlocks(readFileSync(path.join(repo, 'docs', 'getting-started.md'), 'utf8'));
    expect(ran.map((r) => r.block.line)).toEqual(doc.filter(runs).map((b) => b.line));
    // The commands the first hour needs are all among them.
    for (const command of [
      'npm i -D',
      'npx wesley init',
      'npx wesley generate',
      'npx wesley plan --name init',
      'npx wesley migrate',
      'cat >> schema.graphql',
      'npx wesley plan --name add_teams',
      'npx wesley status',
      'npx wesley drift',
      'npx tsc --noEmit',
      'npx vite build',
      'npx nx add @wesley/nx',
      'npx nx g @wesley/nx:database db',
      'npx nx g @wesley/nx:migration',
      'npx nx run db:migrate',
    ])
      expect(
        ran.some((r) => r.block.text.includes(command)),
        command,
      ).toBe(true);
  });

  it('installs each @wesley package from its tarball', async () => {
    const shop = path.join(root, 'home', 'shop');
    const lock = JSON.parse(await readFile(path.join(shop, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { resolved?: string }>;
    };
    const wesley = Object.entries(lock.packages).filter(([key]) => /(^|\/)node_modules\/@wesley\//.test(key));
    expect(wesley.length).toBeGreaterThanOrEqual(5);
    for (const [key, entry] of wesley) expect(entry.resolved, key).toMatch(/\.tgz$/);
  });

  it('creates the schema with the first migration and applies the named second one on the embedded database, once', () => {
    const shop = path.join(root, 'home', 'shop');
    expect(readdirSync(path.join(shop, 'migrations')).filter((f) => !f.startsWith('.'))).toEqual(['0001_init', '0002_add_teams']);
    const migrate = outputOf('npx wesley migrate');
    expect(migrate.match(/created a new embedded PostgreSQL cluster/g)).toHaveLength(1);
    expect(migrate).toContain('0001_init: applied');
    expect(migrate).toContain('0002_add_teams: applied');
  });

  it('status from migrations/ sees the same database; drift finds nothing', () => {
    const shop = path.join(root, 'home', 'shop');
    const status = ran.find((r) => r.block.text.includes('npx wesley status'))!;
    expect(status.stdout + status.stderr).toMatch(/0001_init\s+applied/);
    expect(status.stdout + status.stderr).toMatch(/0002_add_teams\s+applied/);
    expect(status.stdout + status.stderr).not.toContain('created a new embedded PostgreSQL cluster');
    expect(existsSync(path.join(shop, 'migrations', '.wesley'))).toBe(false);
    expect(outputOf('npx wesley drift')).toContain('no drift');
  });

  // `npm i -D typescript` installs npm's latest (7.0.2 as this is written), not this workspace's 5.9:
  // documented-tsconfig.test.ts of @wesley/unplugin compiles the same tsconfig with both.
  it('type-checks the app with the tsconfig shown (the TypeScript npm installs) and builds it with Vite', () => {
    const shop = path.join(root, 'home', 'shop');
    // The same tsconfig as docs/plugin.md's, whose explanation it relies on.
    const shown = (file: string, lang: string) =>
      fencedBlocks(readFileSync(path.join(repo, 'docs', file), 'utf8'))
        .filter((b) => b.lang === lang)
        .map((b) => b.text.replace(/^\/\/.*\n/, ''))
        .find((text) => text.includes('"moduleResolution"'));
    expect(shown('plugin.md', 'jsonc')).toContain('"moduleResolution": "bundler"');
    expect(shown('getting-started.md', 'jsonc')).toBe(shown('plugin.md', 'jsonc'));
    expect(outputOf('npx tsc --noEmit')).not.toMatch(/error TS/);
    expect(existsSync(path.join(shop, 'dist', 'index.html'))).toBe(true);
  });

  it('in a new directory without nx.json: nx add installs and registers the plugin, the database and migration generators write the project, db:migrate applies it', async () => {
    const org = path.join(root, 'home', 'org');
    // nx add installed the plugin (from its tarball, as from the registry) and its init generator wrote nx.json.
    const added = outputOf('npx nx add @wesley/nx');
    expect(added).toContain('CREATE nx.json');
    expect(added).toContain('Package @wesley/nx added successfully');
    const manifest = JSON.parse(await readFile(path.join(org, 'package.json'), 'utf8')) as { devDependencies?: Record<string, string> };
    expect(Object.keys(manifest.devDependencies ?? {})).toEqual(expect.arrayContaining(['@wesley/nx', '@wesley/cli', 'nx']));
    const nxJson = JSON.parse(await readFile(path.join(org, 'nx.json'), 'utf8')) as { plugins?: unknown[] };
    expect(JSON.stringify(nxJson.plugins)).toContain('@wesley/nx');
    const migrations = readdirSync(path.join(org, 'libs', 'db', 'migrations')).filter((f) => !f.startsWith('.'));
    expect(migrations.some((m) => /^\d{4}_init$/.test(m))).toBe(true);
    expect(outputOf('npx nx run db:migrate')).toMatch(/\d{4}_init: applied/);
  });
});
