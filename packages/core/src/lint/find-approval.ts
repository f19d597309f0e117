import type { LintApproval } from './lint-finding.js';

const approvalPattern = /^\s*--\s*wesley:allow-blocking\b(.*)$/;

/**
 * The approval of the statement starting on 1-based `line`: `-- wesley:allow-blocking <reason>`
 * on the nearest non-blank line above it, or `null`. The reason may be empty (then the
 * approval is refused by its own finding, WES301).
 */
export function findApproval(lines: readonly string[], line: number): LintApproval | null {
  for (let index = line - 2; index >= 0; index--) {
    const text = lines[index] ?? '';
    if (text.trim() === '') continue;
    const match = approvalPattern.exec(text);
    return match === null ? null : { reason: (match[1] ?? '').trim(), line: index + 1 };
  }
  return null;
}
