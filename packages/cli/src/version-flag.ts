/**
 * Whether argv's first word asks for the version (`wesley --version`, `wesley -v`): the installed
 * command (`bin/wesley.cjs`, which `require()`s this module) answers it before loading anything
 * else, `runCli` when it runs in process.
 */
export function isVersionFlag(word: string | undefined): boolean {
  return word === '--version' || word === '-v';
}
