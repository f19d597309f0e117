import type { MigrationState } from '@wesley/postgres';

/** A command that moves a stopped migration on, and what it does. */
export interface NextCommand {
  readonly does: 'continue' | 'roll back' | 'resolve';
  readonly command: string;
}

/**
 * What moves a stopped migration on, as commands to run (with `flags`, the ones that named the
 * directory and database): a stopped migration is continued by `wesley migrate`, undone by
 * `wesley migrate rollback` (a planned one: a SQL file records no rollback), or recorded as put
 * right by hand with `wesley migrate resolve`; a rollback that stopped is run again. None for
 * the other states: one running now is moved on by the migrator running it.
 */
export function nextCommands(name: string, state: MigrationState, kind: 'plan' | 'sql' | null, flags: string): NextCommand[] {
  const resolve = (as: string): NextCommand => ({ does: 'resolve', command: `wesley migrate resolve ${name} ${as}${flags}` });
  switch (state) {
    case 'stopped':
      return [
        { does: 'continue', command: `wesley migrate${flags}` },
        ...(kind === 'plan' ? [{ does: 'roll back', command: `wesley migrate rollback ${name}${flags}` } as const] : []),
        resolve('--applied | --rolled-back'),
      ];
    case 'rolling back':
      return [{ does: 'roll back', command: `wesley migrate rollback ${name}${flags}` }, resolve('--rolled-back')];
    case 'applied':
    case 'running':
    case 'pending':
    case 'rolled back':
    case 'edited':
    case 'missing file':
    case 'renamed':
    case 'out of order':
      return [];
  }
}
