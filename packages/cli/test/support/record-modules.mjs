// `node --import <this file>`: appends the URL of every module the process loads, one a line, to
// the file named by WESLEY_RECORD_MODULES. The hook runs on the loader's own thread in Node 20,
// so it writes the file itself rather than passing messages back.
import { register } from 'node:module';

register(new URL('./record-modules-hooks.mjs', import.meta.url), { data: { file: process.env.WESLEY_RECORD_MODULES } });
