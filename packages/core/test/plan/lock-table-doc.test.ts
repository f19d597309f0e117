import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { operations, planMigration, type PlanStep } from '@wesley/core';
import { lockTableSamples } from './lock-table-samples.js';

/**
 * docs/locks.md against the planner: each operation kind's section (`### <kebab-kind>`) must
 * name every step id part (in a table row with its phase), lock mode and diagnostic code the planner produces for a sample of
 * that kind in each situation, so a change to the planner that the doc does not follow fails
 * here instead of leaving the doc wrong.
 */
const read = (name: string) => readFileSync(new URL(`../../../../docs/${name}`, import.meta.url), 'utf8');
const locksDoc = read('locks.md');
const diagnosticsDoc = read('diagnostics.md');

const kebab = (kind: string) => kind.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text under each `### ` heading, up to the next heading of level 2 or 3. */
function sections(markdown: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const part of markdown.split(/^(?=#{2,3} )/m)) {
    const heading = /^### (.+)$/m.exec(part);
    if (heading?.index === 0 && heading[1] !== undefined) found.set(heading[1].trim(), part);
  }
  return found;
}

const bySection = sections(locksDoc);

/** What a step id adds after `<operation>:<target>`. */
function idPart(step: PlanStep): string {
  return step.id.split(':').slice(2).join(':');
}

describe('docs/locks.md', () => {
  it('has a section for every operation kind', () => {
    const missing = Object.keys(operations).filter((kind) => !bySection.has(kebab(kind)));
    expect(missing).toEqual([]);
  });

  it('is checked against a sample of every operation kind', () => {
    expect([...new Set(lockTableSamples.map((s) => s.kind))].sort()).toEqual(Object.keys(operations).sort());
  });

  it('links only to sections diagnostics.md has', () => {
    const anchors = new Set(
      [...diagnosticsDoc.matchAll(/^## (.+)$/gm)].map((m) =>
        (m[1] ?? '')
          .toLowerCase()
          .replace(/[^\w\s-]/g, '')
          .replace(/\s/g, '-'),
      ),
    );
    const links = [...locksDoc.matchAll(/\]\(diagnostics\.md#([^)]+)\)/g)].map((m) => m[1] ?? '');
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((anchor) => !anchors.has(anchor))).toEqual([]);
  });

  it.each(lockTableSamples)('$kind section covers its plan: $variant', (sample) => {
    const section = bySection.get(kebab(sample.kind)) ?? '';
    expect(section, `no "### ${kebab(sample.kind)}" section`).not.toBe('');
    const result = planMigration(sample.from, sample.to, {
      allowDestructive: true,
      allowBlocking: { reason: 'every pattern, blocking ones too' },
      ...sample.options,
    });
    expect(result.changes.map((c) => c.kind)).toContain(sample.kind);
    for (const { code } of result.diagnostics) expect(section, `diagnostic ${code}`).toContain(code);
    if (result.plan === null) {
      expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
      return;
    }
    const steps = result.plan.steps.filter((step) => step.operation === sample.kind);
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) {
      const part = idPart(step);
      const id = part === '' ? new RegExp(`\`${escape(kebab(sample.kind))}:[^\`:]+\``) : new RegExp(`:${escape(part)}(?![\\w:-])`);
      expect(section, `step ${step.id}`).toMatch(id);
      // A step id may have a row per situation (server version, default or none): one of them
      // holds its phase, in the phase column or, where a row names several steps, after the id.
      const rows = section.split('\n').filter((line) => line.startsWith('|') && id.test(line));
      const phased = rows.filter((row) => row.includes(`| ${step.phase} |`) || row.includes(`(${step.phase})`));
      expect(phased, `${step.id} runs in ${step.phase}`).not.toEqual([]);
      for (const { mode } of step.locks) expect(section, `${step.id} takes ${mode}`).toContain(mode);
      if (!step.transactional) expect(section, `${step.id} runs outside a transaction`).toContain('no transaction');
      if (step.rewrites) expect(section, `${step.id} rewrites`).toContain('rewrite');
      if (step.scans) expect(section, `${step.id} scans`).toContain('scan');
      if (step.backfill !== null) expect(section, `${step.id} backfills`).toContain('backfill');
    }
  });
});
