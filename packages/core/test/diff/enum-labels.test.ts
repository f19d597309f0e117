import { describe, expect, it } from 'vitest';
import { diffSchemas, type Change } from '@wesley/core';
import { sdlIR } from '../support/sdl-ir.js';

const moods = (labels: string) => sdlIR(`enum Mood { ${labels} } type Account @wes_table { id: ID! @wes_pk  mood: Mood }`);
const added = (changes: readonly Change[]) => changes.map((c) => (c.kind === 'addEnumValue' ? [c.value, c.before] : [c.kind]));

describe('diffSchemas: enum labels', () => {
  it('places each new label before the next old label, or last', () => {
    expect(added(diffSchemas(moods('HAPPY SAD'), moods('EUPHORIC HAPPY MEH SAD ANGRY FURIOUS')))).toEqual([
      ['EUPHORIC', 'HAPPY'],
      ['MEH', 'SAD'],
      ['ANGRY', null],
      ['FURIOUS', null],
    ]);
  });

  it('marks a new label safe', () => {
    expect(diffSchemas(moods('HAPPY'), moods('HAPPY SAD'))).toEqual([
      {
        kind: 'addEnumValue',
        enum: 'mood',
        value: 'SAD',
        before: null,
        impact: { app: 'safe', data: 'safe', reason: 'label SAD added to enum mood' },
      },
    ]);
  });

  it('reports a removed label as alterEnumValues, whole (no label is added in place)', () => {
    const changes = diffSchemas(moods('HAPPY SAD'), moods('HAPPY MEH'));
    expect(changes.map((c) => c.kind)).toEqual(['alterEnumValues']);
    expect(changes[0]).toMatchObject({
      from: { name: 'mood', values: ['HAPPY', 'SAD'] },
      to: { name: 'mood', values: ['HAPPY', 'MEH'] },
      impact: { app: 'breaking', data: 'breaking' },
    });
  });

  it('reports reordered labels as alterEnumValues', () => {
    expect(diffSchemas(moods('HAPPY SAD'), moods('SAD HAPPY')).map((c) => c.kind)).toEqual(['alterEnumValues']);
    expect(diffSchemas(moods('A B C'), moods('A C B D')).map((c) => c.kind)).toEqual(['alterEnumValues']);
  });

  it('creates a new enum type and drops an unused one, enum changes first (the planner orders the steps)', () => {
    const changes = diffSchemas(moods('HAPPY'), sdlIR('enum Size { S M } type Account @wes_table { id: ID! @wes_pk  size: Size }'));
    expect(changes.map((c) => c.kind)).toEqual(['createEnum', 'dropEnum', 'addColumn', 'dropColumn']);
  });
});
