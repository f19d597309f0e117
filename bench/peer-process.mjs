// The peer of `wesley generate` as a whole process: `node bench/peer-process.mjs <schema> <out>`
// reads the SDL file, runs graphql-codegen's TypeScript + Zod plugins on it (`runPeer`, the same
// job the in-process bench times) and writes the generated module, as a codegen run would.
import { readFile, writeFile } from 'node:fs/promises';
import { runPeer } from './peer.mjs';

const [schemaFile, outFile] = process.argv.slice(2);
if (schemaFile === undefined || outFile === undefined) throw new Error('usage: node bench/peer-process.mjs <schema.graphql> <out.ts>');
await writeFile(outFile, await runPeer(await readFile(schemaFile, 'utf8')));
