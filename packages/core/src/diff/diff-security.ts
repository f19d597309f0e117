import type { GrantIR, PolicyIR, TableIR, TablePrivilege, TableSecurityIR } from '../ir/types.js';
import type { Change } from './change.js';
import { impact } from './impact.js';
import { matchNamed } from './match-named.js';

/** What a table without `security` has: row-level security off, no policy, no grant. */
const none: TableSecurityIR = { kind: 'security', enabled: false, forced: false, policies: [], grants: [], owner: null, tenant: null };

/**
 * Row-level security, policy and privilege changes between two versions of a table (`from`
 * translated to new names). A policy whose command or `AS` changes, or that loses its `USING`
 * or `WITH CHECK`, is replaced (dropped and created in one step): `ALTER POLICY` can change
 * neither. Policies are matched by name only: two policies of one table with the same
 * definition are not a rename (a policy's name is its only identity in the catalog).
 *
 * A change that can hide rows from a role that saw them, or refuse writes it could make, says
 * so in its impact's `lockout`: enabling or forcing row-level security, a new or widened
 * RESTRICTIVE policy, a changed `USING`/`WITH CHECK` or role list, a dropped PERMISSIVE policy,
 * a revoked privilege.
 */
export function diffSecurity(from: TableIR, to: TableIR): Change[] {
  const table = to.name;
  const [a, b] = [from.security ?? none, to.security ?? none];
  const changes: Change[] = [];
  if (a.enabled !== b.enabled) {
    changes.push({
      kind: 'setRowSecurity',
      table,
      enabled: b.enabled,
      impact: b.enabled
        ? lockout(
            `row-level security is enabled on ${table}`,
            b.policies.length === 0
              ? 'it has no policy: every role but the owner (and superusers, and roles with BYPASSRLS) sees and writes no row'
              : 'every role but the owner (and superusers, and roles with BYPASSRLS) sees and writes only the rows a policy admits; a session that does not set what the policies read sees none',
          )
        : impact('safe', 'dangerous', `row-level security is disabled on ${table}: every role with privileges sees every row`),
    });
  }
  if (a.forced !== b.forced) {
    changes.push({
      kind: 'setForceRowSecurity',
      table,
      forced: b.forced,
      impact: b.forced
        ? lockout(`row-level security is forced on ${table}`, `the table's owner is subject to its policies too`)
        : impact('safe', 'dangerous', `the owner of ${table} is no longer subject to its policies`),
    });
  }

  const policies = matchNamed(a.policies, b.policies, samePolicy);
  // Only pairs by name: `matchNamed` treats equal definitions under new names as renames, and
  // a policy is identified by its name alone, so those are a drop and a create here.
  for (const [old, next] of policies.renamed) {
    changes.push(dropPolicy(table, old, b.enabled), createPolicy(table, next, b.enabled));
  }
  for (const [old, next] of policies.altered) {
    const kind = alterable(old, next) ? 'alterPolicy' : 'replacePolicy';
    changes.push({
      kind,
      table,
      from: old,
      to: next,
      impact: b.enabled
        ? lockout(`policy ${next.name} on ${table} is redefined`, `rows or roles the old definition admitted may no longer be admitted`)
        : impact('safe', 'safe', `policy ${next.name} on ${table} is redefined (row-level security is off)`),
    });
  }
  for (const policy of policies.added) changes.push(createPolicy(table, policy, b.enabled));
  for (const policy of policies.dropped) changes.push(dropPolicy(table, policy, b.enabled));

  const oldGrants = new Map(a.grants.map((grant: GrantIR) => [grant.role, grant.privileges]));
  const newGrants = new Map(b.grants.map((grant: GrantIR) => [grant.role, grant.privileges]));
  for (const role of [...new Set([...oldGrants.keys(), ...newGrants.keys()])].sort()) {
    const had = oldGrants.get(role) ?? [];
    const has = newGrants.get(role) ?? [];
    const gained = has.filter((privilege) => !had.includes(privilege));
    const lost = had.filter((privilege) => !has.includes(privilege));
    if (gained.length > 0) {
      changes.push({
        kind: 'grantPrivileges',
        table,
        role,
        privileges: gained,
        impact: impact('safe', 'safe', `${role} may ${privilegeWords(gained)} ${table}`),
      });
    }
    if (lost.length > 0) {
      changes.push({
        kind: 'revokePrivileges',
        table,
        role,
        privileges: lost,
        impact: lockout(`${role} loses ${lost.join(', ')} on ${table}`, `its statements that ${privilegeWords(lost)} ${table} fail`),
      });
    }
  }
  return changes;
}

/** A change that may lock rows out of a running application: `app` is breaking, and `lockout` says who loses what. */
function lockout(reason: string, what: string) {
  return { ...impact('breaking', 'safe', `${reason}: ${what}`), lockout: what };
}

function createPolicy(table: string, policy: PolicyIR, enabled: boolean): Change {
  // A PERMISSIVE policy only admits more rows; a RESTRICTIVE one admits fewer once row-level security is on.
  const value =
    enabled && !policy.permissive
      ? lockout(`restrictive policy ${policy.name} on ${table}`, `rows it does not admit are hidden from ${policy.roles.join(', ')}`)
      : impact('safe', 'safe', `policy ${policy.name} on ${table}`);
  return { kind: 'createPolicy', table, policy, impact: value };
}

function dropPolicy(table: string, policy: PolicyIR, enabled: boolean): Change {
  const value =
    enabled && policy.permissive
      ? lockout(`policy ${policy.name} on ${table} is dropped`, `rows only it admitted are hidden from ${policy.roles.join(', ')}`)
      : impact('safe', 'safe', `policy ${policy.name} on ${table} is dropped`);
  return { kind: 'dropPolicy', table, policy, impact: value };
}

function samePolicy(a: PolicyIR, b: PolicyIR): boolean {
  return (
    a.command === b.command &&
    a.permissive === b.permissive &&
    a.using === b.using &&
    a.check === b.check &&
    a.roles.length === b.roles.length &&
    a.roles.every((role, i) => b.roles[i] === role)
  );
}

/** Whether `ALTER POLICY` makes `from` into `to`: same command and `AS`, and no expression removed (it can set one, never unset it). */
function alterable(from: PolicyIR, to: PolicyIR): boolean {
  return (
    from.command === to.command &&
    from.permissive === to.permissive &&
    (from.using === null || to.using !== null) &&
    (from.check === null || to.check !== null)
  );
}

const privilegeVerbs: { readonly [P in TablePrivilege]: string } = {
  SELECT: 'read',
  INSERT: 'insert into',
  UPDATE: 'update',
  DELETE: 'delete from',
};

function privilegeWords(privileges: readonly TablePrivilege[]): string {
  return privileges.map((privilege) => privilegeVerbs[privilege]).join(', ');
}
