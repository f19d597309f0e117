import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium package (DESIGN.md §5): playwright-core drives it, no downloaded browser. */
export const chromiumPath = '/usr/bin/chromium';

const install = `install it with \`apt-get update && apt-get install -y --no-install-recommends chromium\` (.ci/run does this in CI)`;

/**
 * Launches Debian's chromium headless. Throws, never skips, when it is missing or cannot start:
 * an end-to-end test that quietly does not run proves nothing.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`the browser tests need chromium at ${chromiumPath}: ${install}`);
  try {
    return await chromium.launch({
      executablePath: chromiumPath,
      args: [
        // Chromium's sandbox refuses to run as root, which is how CI runs.
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  } catch (error) {
    throw new Error(`chromium at ${chromiumPath} did not start (${install}): ${error instanceof Error ? error.message : String(error)}`);
  }
}
