import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { runBuiltCli } from './run-built-cli.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

// The committed examples/shop/generated/ files are the snapshot of the example's SQL, TypeScript,
// Zod and IR: any change to the compiler or the emitters that changes them fails here until the
// files are regenerated (`npm run demo` or `wesley generate`) and the diff is reviewed.
it('examples/shop/generated matches what wesley generates from the example schema', async () => {
  const run = await runBuiltCli(
    repo,
    'generate',
    '--schema',
    'examples/shop/schema.graphql',
    '--out-dir',
    'examples/shop/generated',
    '--check',
  );
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
});
