import { ms } from './measure.mjs';
import { describeRun } from './measure-processes.mjs';

const core = new URL('../packages/core/dist/index.js', import.meta.url).href;

/**
 * Two processes that do none of a compiling command's work, to time beside it in
 * `measureProcesses`: `node -e 0` (Node's own start) and a process that only loads what a compile
 * needs before its first table (the built `@wesley/core` with graphql, and PostgreSQL's parser,
 * `loadSqlParser`). What a whole-process target leaves for the work itself is the target minus
 * the second: that says whether it is in reach on this machine, whatever the compiler does.
 */
export const floorCommands = {
  node: () => [process.execPath, '-e', '0'],
  loaded: () => [process.execPath, '--input-type=module', '-e', `await (await import(${JSON.stringify(core)})).loadSqlParser();`],
};

/** The floor's lines, and what is left of `targetMs` for the work once the compiler is loaded. */
export function describeFloor(stats, targetMs) {
  return [
    `  node -e 0 (Node's own start)                          ${describeRun(stats.node)}`,
    `  node: import @wesley/core, loadSqlParser (no work)     ${describeRun(stats.loaded)}`,
    `  (of the ${ms(targetMs)} target, ${ms(targetMs - stats.loaded.median)} is left for the work once the compiler is loaded)`,
  ];
}
