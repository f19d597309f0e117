import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from './config-error.js';
import { importTypeScriptConfig } from './import-typescript-config.js';

/**
 * The config value of `file` (absolute): the parsed JSON of a `.json` file, the default export
 * of a `.mjs` or `.ts` module. Modules are imported under a URL that changes with their content,
 * so a long-running process (the Nx daemon) sees an edited config rather than its first import.
 *
 * @throws ConfigError when the file cannot be read, parsed or evaluated, or exports no default.
 */
export async function readConfigValue(file: string, shown: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(
      shown,
      [{ path: null, message: code === 'ENOENT' ? 'file not found' : `cannot be read: ${(error as Error).message}` }],
      'check the --config path',
    );
  }
  const extension = path.extname(file);
  if (extension === '.json') {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new ConfigError(shown, [{ path: null, message: `is not valid JSON: ${(error as Error).message}` }], 'fix the JSON syntax');
    }
  }
  let namespace: Record<string, unknown>;
  try {
    namespace =
      extension === '.ts' || extension === '.mts'
        ? await importTypeScriptConfig(file)
        : ((await import(`${pathToFileURL(file).href}?content=${createHash('sha256').update(text).digest('hex').slice(0, 16)}`)) as Record<
            string,
            unknown
          >);
  } catch (error) {
    throw new ConfigError(
      shown,
      [{ path: null, message: `cannot be loaded: ${(error as Error).message}` }],
      'fix the error in the config module',
    );
  }
  if (!('default' in namespace)) {
    throw new ConfigError(
      shown,
      [{ path: null, message: 'has no default export' }],
      'export the config object: export default { schema: "schema.graphql" }',
    );
  }
  return namespace['default'];
}
