import type { EnumIR, SchemaIR } from '../ir/types.js';
import type { Change } from './change.js';
import { impact } from './impact.js';

/**
 * Enum changes: new types, dropped types, labels added (in place, each before the next old
 * label so the declared order holds), and anything else (a label removed or moved), which
 * PostgreSQL cannot do in place.
 */
export function diffEnums(from: SchemaIR, to: SchemaIR): Change[] {
  const changes: Change[] = [];
  const before = new Map(from.enums.map((e) => [e.name, e]));
  const after = new Map(to.enums.map((e) => [e.name, e]));
  for (const next of to.enums) {
    const previous = before.get(next.name);
    if (previous === undefined) {
      changes.push({ kind: 'createEnum', enum: next, impact: impact('safe', 'safe', `new enum type ${next.name}`) });
    } else {
      changes.push(...diffLabels(previous, next));
    }
  }
  for (const previous of from.enums) {
    if (!after.has(previous.name)) {
      changes.push({
        kind: 'dropEnum',
        enum: previous,
        impact: impact('breaking', 'safe', `enum type ${previous.name} is dropped; code that still casts to it fails`),
      });
    }
  }
  return changes;
}

function diffLabels(from: EnumIR, to: EnumIR): Change[] {
  const old = new Set(from.values);
  const kept = to.values.filter((label) => old.has(label));
  if (kept.length !== from.values.length || kept.some((label, i) => label !== from.values[i])) {
    return [
      {
        kind: 'alterEnumValues',
        from,
        to,
        impact: impact('breaking', 'breaking', `labels of enum ${to.name} are removed or reordered`),
      },
    ];
  }
  const changes: Change[] = [];
  to.values.forEach((label, i) => {
    if (old.has(label)) return;
    const before = to.values.slice(i + 1).find((next) => old.has(next)) ?? null;
    changes.push({
      kind: 'addEnumValue',
      enum: to.name,
      value: label,
      before,
      impact: impact('safe', 'safe', `label ${label} added to enum ${to.name}`),
    });
  });
  return changes;
}
