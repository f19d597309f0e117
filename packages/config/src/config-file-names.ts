/**
 * The names a Wesley config file may have, in the order they are looked for. JSON needs no
 * loader; `.mjs` and `.ts` export the config as their default export (`.ts` is transpiled with
 * esbuild first).
 */
export const configFileNames = ['wesley.config.json', 'wesley.config.mjs', 'wesley.config.ts'] as const;

/** One of {@link configFileNames}. */
export type ConfigFileName = (typeof configFileNames)[number];
