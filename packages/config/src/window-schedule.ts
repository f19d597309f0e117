import type { MigrationWindow } from './migration-window.js';

/**
 * Where an instant falls among the migration windows: inside one (until `closesAtMs`, the end of
 * the stretch of windows that touch or overlap), or outside all (until `opensAtMs`, the next
 * opening, of `window`).
 */
export type WindowState =
  | { readonly open: true; readonly closesAtMs: number }
  | { readonly open: false; readonly opensAtMs: number; readonly window: MigrationWindow };

const dayMs = 86_400_000;

/**
 * The state of `windows` (at least one) at `nowMs`. Each window's openings are computed in its
 * own time zone from local dates, so a day on which the clocks change is as long as it is there:
 * `01:00-05:00 Europe/Berlin` lasts three hours on the last Sunday of March and five on the last
 * Sunday of October. A local time the change skips opens at the same wall time after it (as
 * JavaScript's `Temporal` does by default: 02:30 becomes 03:30), a repeated one at its first
 * occurrence.
 */
export function windowState(windows: readonly MigrationWindow[], nowMs: number): WindowState {
  // A window opens at most once a day and lasts at most a day: the previous day to a week ahead holds every opening that matters.
  const intervals = windows
    .flatMap((window) => openings(window, nowMs))
    .filter((interval) => interval.end > nowMs)
    .sort((a, b) => a.start - b.start);
  const current = intervals.find((interval) => interval.start <= nowMs);
  if (current !== undefined) {
    let closesAtMs = current.end;
    for (const interval of intervals) if (interval.start <= closesAtMs && interval.end > closesAtMs) closesAtMs = interval.end;
    return { open: true, closesAtMs };
  }
  const next = intervals[0];
  if (next === undefined) throw new RangeError('windowState needs at least one window');
  return { open: false, opensAtMs: next.start, window: next.window };
}

/** `Tue 2026-12-08 01:00 Europe/Berlin (00:00 UTC)`: an instant as a window's zone shows it, and in UTC. */
export function describeWindowTime(ms: number, timeZone: string): string {
  const local = wallTime(ms, timeZone);
  const utc = wallTime(ms, 'UTC');
  const day = new Date(Date.UTC(local.year, local.month, local.day)).toUTCString().slice(0, 3);
  const sameDate = local.year === utc.year && local.month === utc.month && local.day === utc.day;
  const utcText = `${sameDate ? '' : `${date(utc)} `}${clock(utc)} UTC`;
  return timeZone === 'UTC' ? `${day} ${date(utc)} ${clock(utc)} UTC` : `${day} ${date(local)} ${clock(local)} ${timeZone} (${utcText})`;
}

interface Interval {
  readonly start: number;
  readonly end: number;
  readonly window: MigrationWindow;
}

function openings(window: MigrationWindow, nowMs: number): Interval[] {
  const today = wallTime(nowMs, window.timeZone);
  const found: Interval[] = [];
  for (let offset = -1; offset <= 8; offset++) {
    const date = new Date(Date.UTC(today.year, today.month, today.day + offset));
    if (!window.days.includes(date.getUTCDay())) continue;
    const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()];
    const start = zonedInstant(year, month, day, window.startMinute, window.timeZone);
    const endDay = window.endMinute <= window.startMinute ? day + 1 : day;
    found.push({ start, end: zonedInstant(year, month, endDay, window.endMinute, window.timeZone), window });
  }
  return found;
}

interface WallTime {
  readonly year: number;
  /** 0 to 11, as `Date.UTC` takes it. */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date and clock time `ms` shows in `timeZone`. */
function wallTime(ms: number, timeZone: string): WallTime {
  let format = formats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, format);
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(format.formatToParts(ms).find((entry) => entry.type === type)?.value);
  return { year: part('year'), month: part('month') - 1, day: part('day'), hour: part('hour'), minute: part('minute') };
}

/** How far `timeZone` is ahead of UTC at `ms`, in milliseconds (whole minutes). */
function offsetAt(ms: number, timeZone: string): number {
  const wall = wallTime(ms, timeZone);
  return Date.UTC(wall.year, wall.month, wall.day, wall.hour, wall.minute) - Math.floor(ms / 60_000) * 60_000;
}

/**
 * The instant at which `timeZone`'s clocks show `minutes` past midnight of the date (`24:00` is
 * the next midnight). Zones change their offset at most once a day, so the offsets a day before
 * and after are the only candidates: one that maps back to itself is the answer (the earlier when
 * both do: a repeated hour), and a time neither maps (skipped by the change) is read with the
 * offset before it, which lands after the change by as much as the gap.
 */
function zonedInstant(year: number, month: number, day: number, minutes: number, timeZone: string): number {
  const wall = Date.UTC(year, month, day, 0, minutes);
  const before = offsetAt(wall - dayMs, timeZone);
  const after = offsetAt(wall + dayMs, timeZone);
  const valid = [wall - before, wall - after].filter((candidate) => offsetAt(candidate, timeZone) === wall - candidate);
  return valid.length === 0 ? wall - before : Math.min(...valid);
}

function date(wall: WallTime): string {
  return `${wall.year}-${pad(wall.month + 1)}-${pad(wall.day)}`;
}

function clock(wall: WallTime): string {
  return `${pad(wall.hour)}:${pad(wall.minute)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
