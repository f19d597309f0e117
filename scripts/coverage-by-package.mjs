// Prints line and branch coverage per package from vitest's json-summary (`npm run coverage`).
import { readFileSync } from 'node:fs';
import path from 'node:path';

const summaryFile = path.resolve('coverage/coverage-summary.json');
const summary = JSON.parse(readFileSync(summaryFile, 'utf8'));

/** Counters summed per package: files under packages/<name>/src. */
const packages = new Map();
for (const [file, counts] of Object.entries(summary)) {
  if (file === 'total') continue;
  const name = /packages\/([^/]+)\/src\//.exec(file)?.[1];
  if (name === undefined) continue;
  const sums = packages.get(name) ?? { files: 0, lines: [0, 0], branches: [0, 0] };
  sums.files += 1;
  sums.lines[0] += counts.lines.covered;
  sums.lines[1] += counts.lines.total;
  sums.branches[0] += counts.branches.covered;
  sums.branches[1] += counts.branches.total;
  packages.set(name, sums);
}

const percent = ([covered, total]) => (total === 0 ? '-' : `${((100 * covered) / total).toFixed(1)}%`);
const rows = [...packages].sort(([a], [b]) => a.localeCompare(b));
const total = summary.total;
console.log(['package', 'files', 'lines', 'branches'].join('\t'));
for (const [name, sums] of rows) console.log([`@wesley/${name}`, sums.files, percent(sums.lines), percent(sums.branches)].join('\t'));
console.log(
  [
    'all',
    rows.reduce((n, [, s]) => n + s.files, 0),
    percent([total.lines.covered, total.lines.total]),
    percent([total.branches.covered, total.branches.total]),
  ].join('\t'),
);
console.log(`(per file: coverage/index.html)`);
