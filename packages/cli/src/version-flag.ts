/**
 * Whether argv's first word asks for the version (`wesley --version`, `wesley -v`), for `runCli`
 * in process. The installed command (`bin/wesley.cjs`) makes the same test in CommonJS before
 * loading anything, since requiring this ES module would start the ES module loader;
 * test/start-up.e2e.test.ts holds both to the same two words.
 */
export function isVersionFlag(word: string | undefined): boolean {
  return word === '--version' || word === '-v';
}
