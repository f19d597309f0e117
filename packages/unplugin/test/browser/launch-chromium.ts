import chromiumPackage from '@sparticuz/chromium';
import { chromium, type Browser } from 'playwright-core';

/** Flags of `chromiumPackage.args` that a user's browser does not run with. */
const relaxedSecurity = new Set(['--disable-web-security', '--allow-running-insecure-content']);

/**
 * Launches the Chromium that the npm package `@sparticuz/chromium` ships inside its tarball, so
 * `npm install` brings the browser: no system package, no download at test time. The first call
 * unpacks it to the temporary directory (about 2 s); playwright-core drives it headless.
 * Throws, never skips, when it cannot start: an end-to-end test that quietly does not run
 * proves nothing. Prints the browser's version, so a run's output says which Chromium it used.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = await chromiumPackage.executablePath();
  try {
    const browser = await chromium.launch({
      executablePath,
      args: [
        // The package's flags for running headless as root, less the two that would let a page
        // do what a user's browser refuses: the test must see the app as users' browsers do.
        ...chromiumPackage.args.filter((flag) => !relaxedSecurity.has(flag)),
        // The machine has no network but loopback: no background fetches, update or sync checks.
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    console.info(`browser tests: Chromium ${browser.version()} from @sparticuz/chromium (${executablePath})`);
    return browser;
  } catch (error) {
    throw new Error(
      `Chromium from @sparticuz/chromium at ${executablePath} did not start: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}
