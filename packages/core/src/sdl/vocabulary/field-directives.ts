import { at, type DirectiveSpec } from './directive-spec.js';

const field = at('FIELD_DEFINITION');

/** Directives that stand on a field of a table type (docs/directives.md#field-directives). */
export const fieldDirectives: readonly DirectiveSpec[] = [
  field('wes_pk', 'primary key column (several fields = composite key)'),
  field('wes_fk', 'foreign key to "Type.field"', {
    'ref!': 'String',
    onDelete: 'Word',
    onUpdate: 'Word',
    deferrable: 'Boolean',
    initiallyDeferred: 'Boolean',
    name: 'String',
  }),
  field('wes_unique', 'single-column unique constraint', { name: 'String' }),
  field('wes_index', 'single-column index', { name: 'String', using: 'Word', where: 'Expression' }, true),
  field('wes_default', 'default: a literal `value` or a trusted SQL `expr`', { value: 'Literal', expr: 'DefaultExpression' }),
  field('wes_column', 'explicit column name and/or PostgreSQL type', { name: 'String', type: 'String' }),
  field('wes_check', 'column CHECK constraint', { 'expr!': 'Expression', name: 'String' }, true),
  field('wes_computed', 'generated column (STORED)', { 'expr!': 'Expression' }),
  field('wes_derived', 'count, sum, min, max or exists over the rows of a table that references this one, kept by triggers', {
    'fn!': 'Word',
    'from!': 'String',
    of: 'String',
  }),
  field('wes_renamed', 'the column used to be called `from`', { 'from!': 'String' }),
  field('wes_uid', 'stable identity across renames', { 'value!': 'String' }),
  field('wes_constraint', 'value rules: Zod refinements and matching CHECKs', {
    min: 'Literal',
    max: 'Literal',
    minLength: 'Int',
    maxLength: 'Int',
    pattern: 'String',
    oneOf: 'StringList',
  }),
  field('wes_pii', 'personal data (carried in the IR)'),
  field('wes_sensitive', 'left out of the generated <Type>PublicSchema'),
  field('wes_hasMany', 'relation marker: a list of another table'),
  field('wes_belongsTo', 'relation marker: the row this one points at'),
  field('wes_hasOne', 'relation marker: one row of another table'),
  field('wes_weight', 'metadata carried in the IR', { 'value!': 'Int' }),
  field('wes_critical', 'metadata carried in the IR'),
];
