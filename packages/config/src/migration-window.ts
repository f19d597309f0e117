/** Day names as a window spells them, in `Date#getUTCDay` order (Sunday is 0). */
const dayNames = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/**
 * A migration window of the config's `windows` (`"Mon-Fri 01:00-05:00 Europe/Berlin"`): on the
 * listed days of the week, from `startMinute` to `endMinute` past local midnight in `timeZone`.
 * An end at or before the start crosses midnight: the window ends on the next day, and its day
 * is the day it opens.
 */
export interface MigrationWindow {
  readonly kind: 'window';
  /** The window as written, for messages. */
  readonly text: string;
  /** The days it opens on, 0 (Sunday) to 6 (Saturday), ascending. */
  readonly days: readonly number[];
  readonly startMinute: number;
  /** 1 to 1440 (`24:00`). */
  readonly endMinute: number;
  /** An IANA time zone (`Europe/Berlin`), or `UTC` when the window names none. */
  readonly timeZone: string;
}

const example = 'such as "Mon-Fri 01:00-05:00 Europe/Berlin"';

/**
 * Reads one window: `[days] HH:MM-HH:MM [time zone]`. Days are `Mon` ... `Sun`, a range
 * (`Mon-Fri`, `Fri-Mon` wraps) or a comma list of both; without days, every day. Without a time
 * zone, UTC. The zone is checked with `Intl.DateTimeFormat`, which knows the IANA names.
 *
 * @returns the window, or what is wrong with it (a sentence for the config's error, with WES390
 * or WES391).
 */
export function parseMigrationWindow(text: string): MigrationWindow | string {
  const words = text.trim().split(/\s+/);
  const timeIndex = words.findIndex((word) => /^[\d:]+-[\d:]+$/.test(word));
  if (timeIndex < 0 || timeIndex > 1 || words.length > timeIndex + 2) {
    return `WES390: "${text}" is not a window ${example}: days, then HH:MM-HH:MM, then a time zone`;
  }
  const days = timeIndex === 0 ? [0, 1, 2, 3, 4, 5, 6] : parseDays(words[0] ?? '');
  if (typeof days === 'string') return `WES390: in "${text}", ${days}; write days as Mon-Fri, Sat,Sun or Mon, ${example}`;
  const [start, end] = (words[timeIndex] ?? '').split('-').map(parseTime);
  if (start === null || end === null || start === undefined || end === undefined || start === 1440) {
    return `WES390: in "${text}", "${words[timeIndex]}" is not a time range: write HH:MM-HH:MM on a 24-hour clock (00:00 to 24:00), ${example}`;
  }
  if (start === end) return `WES390: in "${text}", the window opens and closes at the same time; give it a length`;
  const timeZone = words[timeIndex + 1] ?? 'UTC';
  if (!knownTimeZone(timeZone)) {
    return `WES391: in "${text}", "${timeZone}" is not a time zone: use an IANA name such as Europe/Berlin, America/New_York or UTC`;
  }
  return { kind: 'window', text, days, startMinute: start, endMinute: end === 0 ? 1440 : end, timeZone };
}

function parseDays(text: string): number[] | string {
  const days = new Set<number>();
  for (const part of text.split(',')) {
    const [from, to, extra] = part.split('-');
    if (extra !== undefined) return `"${part}" is not a day or a range of days`;
    const first = dayIndex(from ?? '');
    const last = to === undefined ? first : dayIndex(to);
    if (first === null) return `"${from}" is not a day`;
    if (last === null) return `"${to}" is not a day`;
    for (let day = first; ; day = (day + 1) % 7) {
      days.add(day);
      if (day === last) break;
    }
  }
  return [...days].sort((a, b) => a - b);
}

function dayIndex(name: string): number | null {
  const index = dayNames.indexOf(name.toLowerCase() as (typeof dayNames)[number]);
  return index < 0 ? null : index;
}

/** Minutes past midnight of `HH:MM` (up to `24:00`), or `null`. */
function parseTime(text: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (match === null) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return Number(match[2]) < 60 && minutes <= 1440 ? minutes : null;
}

function knownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
