#!/usr/bin/env node
// The installed `wesley` command. CommonJS on purpose: `wesley --version`, what a user runs to
// check the install, is answered here without Node's ES module loader resolving an import graph
// asynchronously, about 10 ms on Node 20 (a CommonJS file printing a line starts as fast as
// `node -e 0`, an ES module one does not). `require()` of the one ES module it needs
// (`version-flag.js`, no imports) is synchronous from Node 20.19, the engines floor. Every other
// command is the compiled ES modules, imported once argv is read.
'use strict';
const { isVersionFlag } = require('../dist/version-flag.js');
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
