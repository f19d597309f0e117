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
  // Row-level security (docs/rls.md), with the argument names of the earlier Wesley's v1.1.0.
  object('wes_tenant', 'rows belong to the tenant in the column `by`, compared with a session setting', { 'by!': 'String' }),
  object('wes_owner', 'rows belong to the user in `column`; per-operation expressions override', {
    column: 'String',
    select: 'Expression',
    insert: 'Expression',
    update: 'Expression',
    delete: 'Expression',
  }),
  object('wes_rls', 'row-level security policies: `using`/`check`, per-operation expressions and roles, or a preset', {
    using: 'Expression',
    check: 'Expression',
    select: 'Expression',
    insert: 'Expression',
    update: 'Expression',
    delete: 'Expression',
    roles: 'StringList',
    selectRoles: 'StringList',
    insertRoles: 'StringList',
    updateRoles: 'StringList',
    deleteRoles: 'StringList',
    preset: 'Word',
    name: 'String',
    options: 'Json',
  }),
  object(
    'wes_grant',
    'table privileges for roles (all four unless `ops:` names some)',
    { 'roles!': 'StringList', ops: 'StringList', privileges: 'StringList' },
    true,
  ),
];
