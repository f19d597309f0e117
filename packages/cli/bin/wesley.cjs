#!/usr/bin/env node
// The installed `wesley` command. CommonJS on purpose: `wesley --version`, what a user runs to
// check the install, is answered here without Node's ES module loader, whose start (even for a
// `require()` of one ES module) costs about 8-10 ms on Node 20: this bin starts within ~3 ms of
// `node -e 0`. So it tests argv itself, as `isVersionFlag` (src/version-flag.ts) does for `runCli`
// in process; test/start-up.e2e.test.ts holds both to `--version` and `-v`. Every other command
// is the compiled ES modules, imported once argv is read.
'use strict';
const isVersionFlag = (word) => word === '--version' || word === '-v';
const { version } = require('../package.json');

if (isVersionFlag(process.argv[2])) {
  // A reader that has gone away (`wesley --version | true`) is no error.
  process.stdout.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
  process.stdout.write(`${version}\n`);
} else {
  import('../dist/main.js').then(({ main }) => main(version));
}
