import type { Operation } from '../operation.js';

/** Removing or reordering enum labels has no PostgreSQL statement: refused, with the way out. */
export const alterEnumValues: Operation<'alterEnumValues'> = {
  kind: 'alterEnumValues',
  plan: (change) => {
    const removed = change.from.values.filter((label) => !change.to.values.includes(label));
    const what = removed.length > 0 ? `removes ${removed.join(', ')}` : 'reorders its labels';
    return {
      refusal: {
        code: 'WES102',
        message: `enum ${change.to.name} ${what}; PostgreSQL can only add labels to an enum`,
        help: 'add a new enum type, move the columns to it with a type change, then drop the old type',
      },
    };
  },
};
