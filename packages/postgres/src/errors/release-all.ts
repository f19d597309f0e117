import { attachSuppressed } from './suppressed-errors.js';

/** One thing to let go of at the end of a run, and how messages name it. */
export interface Release {
  /** `closing the migration session`, `releasing the migration lock`. */
  readonly during: string;
  readonly run: () => Promise<void> | undefined;
}

/**
 * Runs every release in order, each one even when an earlier one failed, and never throws: it
 * runs in a `finally`, where a throw would replace the error the run failed with. After a failure
 * (`failed` holds its error) a release's error is attached to that first error
 * ({@link attachSuppressed}); after a success it is passed to `warn`, since the run's work is
 * committed and a session that is already gone has released its locks with it.
 */
export async function releaseAll(
  releases: readonly Release[],
  failed: { readonly error: unknown } | null,
  warn: (message: string) => void,
): Promise<void> {
  for (const release of releases) {
    try {
      await release.run();
    } catch (error) {
      if (failed !== null) attachSuppressed(failed.error, { during: release.during, error });
      else warn(`${release.during} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
