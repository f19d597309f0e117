import { readFileSync } from 'node:fs';

/**
 * The version of `@wesley/nx`: part of the hash of every cached inference, so that a new
 * version of the plugin never reuses what an old one inferred. (`src/plugins` and
 * `dist/plugins` are both two levels below the package.)
 */
export const pluginVersion: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
