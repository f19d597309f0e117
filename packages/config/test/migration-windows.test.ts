import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../src/config-error.js';
import { loadConfig } from '../src/load-config.js';
import { parseMigrationWindow, type MigrationWindow } from '../src/migration-window.js';
import { describeWindowTime, windowState } from '../src/window-schedule.js';

let cwd: string;
beforeAll(async () => {
  cwd = await mkdtemp(path.join(os.tmpdir(), 'wesley-windows-'));
});
afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});

function window(text: string): MigrationWindow {
  const parsed = parseMigrationWindow(text);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
}

const utc = (iso: string) => Date.parse(iso);

describe('parseMigrationWindow', () => {
  it('reads days, a time range and a zone', () => {
    expect(window('Mon-Fri 01:00-05:00 Europe/Berlin')).toEqual({
      kind: 'window',
      text: 'Mon-Fri 01:00-05:00 Europe/Berlin',
      days: [1, 2, 3, 4, 5],
      startMinute: 60,
      endMinute: 300,
      timeZone: 'Europe/Berlin',
    });
    expect(window('Fri-Mon,wed 22:00-02:00').days).toEqual([0, 1, 3, 5, 6]);
    expect(window('00:00-24:00')).toMatchObject({ days: [0, 1, 2, 3, 4, 5, 6], startMinute: 0, endMinute: 1440, timeZone: 'UTC' });
  });

  it('says what is wrong with a malformed window or an unknown zone', () => {
    expect(parseMigrationWindow('Mon-Fry 1-5')).toMatch(/^WES390: in "Mon-Fry 1-5", "Fry" is not a day/);
    expect(parseMigrationWindow('Mon-Fri 1-5')).toMatch(/^WES390: in "Mon-Fri 1-5", "1-5" is not a time range: write HH:MM-HH:MM/);
    expect(parseMigrationWindow('Mon-Fri 01:00-25:00')).toMatch(/"01:00-25:00" is not a time range/);
    expect(parseMigrationWindow('Mon-Fri 03:00-03:00')).toMatch(/opens and closes at the same time/);
    expect(parseMigrationWindow('nightly')).toMatch(/^WES390: "nightly" is not a window/);
    expect(parseMigrationWindow('Mon 01:00-02:00 Europe/Berlinn')).toMatch(/^WES391: .*"Europe\/Berlinn" is not a time zone/);
  });
});

describe('windowState', () => {
  const weeknights = [window('Mon-Fri 01:00-05:00 Europe/Berlin')];

  it('is open inside a window until it closes, and names the next opening outside', () => {
    // Monday 2026-12-07, 02:00 in Berlin (UTC+1).
    expect(windowState(weeknights, utc('2026-12-07T01:00:00Z'))).toEqual({ open: true, closesAtMs: utc('2026-12-07T04:00:00Z') });
    // Friday 05:00 Berlin: closed until Monday 01:00.
    const state = windowState(weeknights, utc('2026-12-11T04:00:00Z'));
    expect(state).toMatchObject({ open: false, opensAtMs: utc('2026-12-14T00:00:00Z') });
    expect(describeWindowTime(utc('2026-12-14T00:00:00Z'), 'Europe/Berlin')).toBe('Mon 2026-12-14 01:00 Europe/Berlin (00:00 UTC)');
    expect(describeWindowTime(utc('2026-12-13T23:30:00Z'), 'Europe/Berlin')).toBe(
      'Mon 2026-12-14 00:30 Europe/Berlin (2026-12-13 23:30 UTC)',
    );
  });

  it('follows a window across midnight from the day it opens', () => {
    const late = [window('Fri 22:00-02:00 UTC')];
    expect(windowState(late, utc('2026-12-12T01:00:00Z'))).toEqual({ open: true, closesAtMs: utc('2026-12-12T02:00:00Z') });
    expect(windowState(late, utc('2026-12-12T02:00:00Z'))).toMatchObject({ open: false, opensAtMs: utc('2026-12-18T22:00:00Z') });
  });

  it('measures a window on the days the clocks change in its own zone', () => {
    const sunday = [window('Sun 01:00-05:00 Europe/Berlin')];
    // 2027-03-28: 02:00 CET becomes 03:00 CEST. 01:00 CET is 00:00 UTC, 05:00 CEST is 03:00 UTC: three hours.
    expect(windowState(sunday, utc('2027-03-27T12:00:00Z'))).toMatchObject({ opensAtMs: utc('2027-03-28T00:00:00Z') });
    expect(windowState(sunday, utc('2027-03-28T00:00:00Z'))).toEqual({ open: true, closesAtMs: utc('2027-03-28T03:00:00Z') });
    // 2027-10-31: 03:00 CEST becomes 02:00 CET. 01:00 CEST is 23:00 UTC the day before, 05:00 CET is 04:00 UTC: five hours.
    expect(windowState(sunday, utc('2027-10-30T12:00:00Z'))).toMatchObject({ opensAtMs: utc('2027-10-30T23:00:00Z') });
    expect(windowState(sunday, utc('2027-10-31T03:59:00Z'))).toEqual({ open: true, closesAtMs: utc('2027-10-31T04:00:00Z') });
    // A time the change skips opens at the same wall time after it: 02:30 is 03:30 CEST.
    const skipped = [window('Sun 02:30-04:00 Europe/Berlin')];
    expect(windowState(skipped, utc('2027-03-27T12:00:00Z'))).toMatchObject({ opensAtMs: utc('2027-03-28T01:30:00Z') });
    // A repeated time opens at its first occurrence: 02:30 CEST.
    expect(windowState(skipped, utc('2027-10-30T12:00:00Z'))).toMatchObject({ opensAtMs: utc('2027-10-31T00:30:00Z') });
  });

  it('joins windows that touch into one stretch, and picks the nearest opening of several', () => {
    const two = [window('Mon 01:00-03:00 UTC'), window('Mon 03:00-04:00 UTC'), window('Wed 10:00-11:00 America/New_York')];
    expect(windowState(two, utc('2026-12-07T02:00:00Z'))).toEqual({ open: true, closesAtMs: utc('2026-12-07T04:00:00Z') });
    const next = windowState(two, utc('2026-12-07T05:00:00Z'));
    expect(next).toMatchObject({ open: false, opensAtMs: utc('2026-12-09T15:00:00Z') });
    expect(next.open ? null : next.window.timeZone).toBe('America/New_York');
  });
});

describe('windows in the config', () => {
  it('reads windows and limits, and points at a malformed window', async () => {
    await mkdir(path.join(cwd, 'good'), { recursive: true });
    await writeFile(
      path.join(cwd, 'good/wesley.config.json'),
      JSON.stringify({ schema: 's.graphql', windows: ['Sat,Sun 00:00-24:00'], maxReplicaLagMs: 2000, maxActiveSessions: 40 }),
    );
    const config = await loadConfig('good/wesley.config.json', cwd);
    expect(config).toMatchObject({
      windows: [{ days: [0, 6], startMinute: 0, endMinute: 1440 }],
      maxReplicaLagMs: 2000,
      maxActiveSessions: 40,
    });

    await mkdir(path.join(cwd, 'bad'), { recursive: true });
    await writeFile(
      path.join(cwd, 'bad/wesley.config.json'),
      JSON.stringify({ schema: 's.graphql', windows: ['Mon-Fri 01:00-05:00 Europe/Berlin', 'Mon-Fry 1-5'], maxReplicaLagMs: -1 }),
    );
    const error: unknown = await loadConfig('bad/wesley.config.json', cwd).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues).toEqual([
      { path: 'windows[1]', message: expect.stringMatching(/^WES390: in "Mon-Fry 1-5", "Fry" is not a day/) as unknown },
      { path: 'maxReplicaLagMs', message: 'must be more than 0' },
    ]);
  });
});
