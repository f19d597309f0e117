import type { TableIR } from '../ir/types.js';

/**
 * The session settings a table's row-level security reads, as `[key, setting]` pairs:
 * `tenant` for `@wes_tenant`, `user` for `@wes_owner(column:)`; empty for any other table.
 * `types.ts`, the bundler module and its declaration file all export them as
 * `<Type>SessionSettings`, so a data-access layer types its `set_config` calls by them.
 */
export function sessionSettings(table: TableIR): readonly (readonly [key: 'tenant' | 'user', setting: string])[] {
  const tenant = table.security?.tenant ?? null;
  const owner = table.security?.owner ?? null;
  return [...(tenant === null ? [] : [['tenant', tenant.setting] as const]), ...(owner === null ? [] : [['user', owner.setting] as const])];
}
