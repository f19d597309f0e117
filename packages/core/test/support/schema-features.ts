/**
 * The features a generated schema can use, so property tests can report (and check) which parts
 * of the vocabulary their runs actually exercised.
 */
export const scalarNames = [
  'ID',
  'UUID',
  'String',
  'Int',
  'BigInt',
  'Float',
  'Decimal',
  'Boolean',
  'DateTime',
  'Date',
  'Time',
  'JSON',
] as const;

export type ScalarName = (typeof scalarNames)[number];

export const allFeatures = [
  ...scalarNames.map((s) => `scalar:${s}` as const),
  'scalarDeclarations',
  'nullable',
  'listField',
  'enum',
  'enumList',
  'tableName',
  'keywordTable',
  'keywordColumn',
  'pkSingle',
  'pkComposite',
  'uniqueField',
  'uniqueObject',
  'indexField',
  'indexObject',
  'indexPartial',
  'indexUnique',
  'indexUsing',
  'explicitName',
  'columnsByColumnName',
  'defaultValue',
  'defaultEnum',
  'defaultList',
  'defaultExpr',
  'checkField',
  'checkObject',
  'columnTypeVarchar',
  'columnTypeNumeric',
  'computed',
  'fk',
  'fkSelf',
  'fkOnDelete',
  'fkOnUpdate',
  'fkDeferrable',
  'relationOne',
  'relationMany',
] as const;

export type Feature = (typeof allFeatures)[number];

/** How many of `schemas` use each feature (every feature present, zero when unused). */
export function featureCoverage(schemas: readonly { readonly features: readonly Feature[] }[]): Record<Feature, number> {
  const counts = Object.fromEntries(allFeatures.map((f) => [f, 0])) as Record<Feature, number>;
  for (const schema of schemas) {
    for (const feature of schema.features) counts[feature] += 1;
  }
  return counts;
}
