/**
 * A throw-away copy of `test/fixtures/app` under the OS temp folder, with the shop example's
 * schema as `schema.graphql` and a `node_modules` link to the repository's, so bundlers, `tsc`
 * and Node resolve `zod` (and would resolve `graphql`) as in a user's project.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const fixture = fileURLToPath(new URL('../fixtures/app', import.meta.url));

/** The shop example's schema, the schema every fixture app starts with. */
export const shopSchema = readFileSync(path.join(repo, 'examples/shop/schema.graphql'), 'utf8');

export interface FixtureApp {
  /** Absolute path of the app folder. */
  readonly root: string;
  /** Absolute path of `relative` inside the app. */
  path(relative: string): string;
  read(relative: string): string;
  write(relative: string, text: string): void;
  /** Modification time of `relative` in milliseconds (fractional where the file system has them). */
  mtime(relative: string): number;
  /** Removes the folder. */
  dispose(): void;
}

export function fixtureApp(): FixtureApp {
  const root = mkdtempSync(path.join(tmpdir(), 'wesley-unplugin-'));
  cpSync(fixture, root, { recursive: true });
  writeFileSync(path.join(root, 'schema.graphql'), shopSchema);
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'fixture-app', private: true, type: 'module' }));
  symlinkSync(path.join(repo, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  const at = (relative: string): string => path.join(root, relative);
  return {
    root,
    path: at,
    read: (relative) => readFileSync(at(relative), 'utf8'),
    write: (relative, text) => writeFileSync(at(relative), text),
    mtime: (relative) => statSync(at(relative)).mtimeMs,
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}
