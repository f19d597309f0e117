// Child process of bench/migrate.bench.mjs: `migrate()` from the built @wesley/postgres on one
// migrations directory, in a process of its own so that its peak RSS is the migrator's alone.
// Prints one JSON line: what was applied, the statements run, and the peak RSS in KiB.
import { migrate } from '@wesley/postgres';

const [url, directory] = process.argv.slice(2);
let statements = 0;
const result = await migrate({
  url,
  directory,
  onEvent: (event) => {
    if (event.kind === 'statements') statements = event.done;
  },
});
process.stdout.write(`${JSON.stringify({ applied: result.applied, statements, maxRssKb: process.resourceUsage().maxRSS })}\n`);
