import { describe, expect, it } from 'vitest';
import { planRefusal } from '../step-facts.js';

const moods = (labels: string) => `enum Mood { ${labels} } type Account @wes_table { id: ID! @wes_pk  mood: Mood }`;
const refusal = (message: string) => ({
  file: 'schema',
  line: 1,
  column: 1,
  code: 'WES102',
  severity: 'error',
  message,
  help: 'add a new enum type, move the columns to it with a type change, then drop the old type',
});

describe('alterEnumValues', () => {
  it('refuses removing a label (PostgreSQL has no statement for it), naming the label', () => {
    expect(planRefusal(moods('HAPPY SAD MEH'), moods('HAPPY MEH'), { allowDestructive: true })).toEqual([
      refusal('enum mood removes SAD; PostgreSQL can only add labels to an enum'),
    ]);
  });

  it('refuses reordering labels', () => {
    expect(planRefusal(moods('HAPPY SAD'), moods('SAD HAPPY'), { allowDestructive: true })).toEqual([
      refusal('enum mood reorders its labels; PostgreSQL can only add labels to an enum'),
    ]);
  });

  it('is refused as destructive first when allowDestructive is not given (WES101)', () => {
    expect(planRefusal(moods('HAPPY SAD'), moods('HAPPY')).map((d) => d.code)).toEqual(['WES101']);
  });
});
