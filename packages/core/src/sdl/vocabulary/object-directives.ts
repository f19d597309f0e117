import { at, type DirectiveSpec } from './directive-spec.js';

const object = at('OBJECT');

/** Directives that stand on an object type (docs/directives.md#table-directives). */
export const objectDirectives: readonly DirectiveSpec[] = [
  object('wes_table', 'the type is a table', { name: 'String' }),
  object('wes_pk', 'composite primary key over the listed fields', { 'columns!': 'StringList', name: 'String' }),
  object(
    'wes_index',
    'composite or partial index',
    { 'columns!': 'StringList', name: 'String', unique: 'Boolean', using: 'Word', where: 'Expression' },
    true,
  ),
  object('wes_unique', 'composite unique constraint', { 'columns!': 'StringList', name: 'String' }, true),
  object('wes_check', 'table CHECK constraint (expr is trusted SQL)', { 'expr!': 'Expression', name: 'String' }, true),
  object('wes_partition', 'partitioned table', { 'by!': 'String', 'strategy!': 'Word' }),
  object('wes_renamed', 'the table used to be called `from`', { 'from!': 'String' }),
  object('wes_uid', 'stable identity across renames', { 'value!': 'String' }),
  object('wes_weight', 'metadata carried in the IR', { 'value!': 'Int' }),
  object('wes_critical', 'metadata carried in the IR'),
  object('wes_tenant', 'row-level security (not generated yet)', { 'by!': 'String' }),
  object('wes_rls', 'row-level security (not generated yet)', { enabled: 'Boolean' }),
  object('wes_owner', 'row-level security (not generated yet)', { column: 'String' }),
  object('wes_grant', 'row-level security (not generated yet)', { to: 'StringList', privileges: 'StringList' }, true),
];
