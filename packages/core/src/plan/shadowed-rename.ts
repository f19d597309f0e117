import type { PlanIssue } from './operation.js';

/**
 * WES102 for a drop that a `@wes_renamed(from:)` meant as a rename: `notes @wes_renamed(from:
 * "title")` while the old schema has a `notes` too. The new element continues the old one of its
 * own name, so `title` would be dropped with its data, the opposite of what the schema says.
 */
export function shadowedRenameRefusal(renamed: string, source: string): PlanIssue {
  return {
    code: 'WES102',
    message: `${renamed} is declared @wes_renamed from ${source}, but the old schema has ${renamed} too: ${source} would be dropped with its data and the old one kept`,
    help: `drop the old ${renamed} in one migration, then rename ${source} in the next (or remove @wes_renamed if the old ${renamed} is meant to stay)`,
  };
}
