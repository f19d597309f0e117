// `node --import <this file>`: appends the URL of every module the process loads, one a line, to
// the file named by WESLEY_RECORD_MODULES. The hook runs on the loader's own thread in Node 20,
// so it writes the file itself rather than passing messages back. It sees what the ES module
// loader resolves; what CommonJS `require()` loads (the bin, and what it requires) does not pass
// through it, so the files in `require.cache` are appended when the process exits.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

const file = process.env.WESLEY_RECORD_MODULES;
register(new URL('./record-modules-hooks.mjs', import.meta.url), { data: { file } });
const { cache } = createRequire(import.meta.url);
process.on('exit', () => {
  const required = Object.keys(cache).map((path) => `${pathToFileURL(path).href}\n`);
  appendFileSync(file, required.join(''));
});
