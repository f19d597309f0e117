import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { wesleyBin } from '../run-built-cli.js';

const recorder = fileURLToPath(new URL('./record-modules.mjs', import.meta.url));

/**
 * Runs the built `wesley` with `args` in `cwd` under the module recorder (record-modules.mjs) and
 * returns its exit code and the URL of every module it loaded, `require()`d ones too.
 */
export async function loadedModules(cwd: string, args: readonly string[]): Promise<{ code: number | null; modules: string[] }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'wesley-modules-'));
  const file = path.join(dir, 'modules.txt');
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', recorder, wesleyBin, ...args], {
        cwd,
        env: { ...process.env, NODE_OPTIONS: undefined, WESLEY_RECORD_MODULES: file },
        stdio: 'ignore',
      });
      child.on('error', reject);
      child.on('close', resolve);
    });
    const modules = (await readFile(file, 'utf8')).split('\n').filter((line) => line !== '');
    return { code, modules };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
