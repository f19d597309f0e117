/**
 * Whether argv's first word asks for the version (`wesley --version`, `wesley -v`): the process
 * entry point answers it before importing anything else, `runCli` when it runs in process.
 */
export function isVersionFlag(word: string | undefined): boolean {
  return word === '--version' || word === '-v';
}
