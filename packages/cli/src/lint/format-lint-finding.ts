import type { LintFinding } from '@wesley/core';
import { formatDiagnostic } from '../output/format-diagnostic.js';
import { plainStyle, type Style } from '../output/style.js';

/**
 * One finding for a terminal, as the compiler's diagnostics print, with what only a lint finding
 * has: the locks the statement takes and what they block, its approval, and the rewrite.
 *
 * ```text
 * migrations/0003.sql:4:1  WES302  error  CREATE INDEX on account builds without CONCURRENTLY
 *   4 | CREATE INDEX account_email ON account (email);
 *     | ^
 *   locks: ShareLock on account (writes wait until it ends)
 *   help: build it with CREATE INDEX CONCURRENTLY, outside a transaction
 *   fix: CREATE INDEX CONCURRENTLY account_email ON account (email);
 * ```
 *
 * `text` is the file's text, for the excerpt. No trailing newline.
 */
export function formatLintFinding(finding: LintFinding, text: string | undefined, style: Style = plainStyle): string {
  const lines = [formatDiagnostic({ ...finding, help: '' }, text, style)];
  if (finding.locks.length > 0) {
    const locks = finding.locks.map((lock) => `${lock.mode} on ${lock.relation}${lock.scope === undefined ? '' : ` (${lock.scope})`}`);
    const waits = finding.blocks === null ? '' : ` (${finding.blocks} wait until it ends)`;
    lines.push(`  ${style('cyan', 'locks:')} ${locks.join(', ')}${waits}`);
  }
  if (finding.approval !== null) lines.push(`  ${style('cyan', 'approved:')} line ${finding.approval.line}: ${finding.approval.reason}`);
  if (finding.help !== '') lines.push(`  ${style('cyan', 'help:')} ${finding.help}`);
  if (finding.fix !== null) {
    const [first = '', ...rest] = finding.fix.split('\n');
    lines.push(`  ${style('cyan', 'fix:')} ${first}`, ...rest.map((line) => `       ${line}`));
  }
  return lines.join('\n');
}
