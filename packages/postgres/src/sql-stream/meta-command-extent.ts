/** Where a psql backslash command ends, as psql 15's psqlscanslash.l and command.c decide. */
export interface MetaCommandExtent {
  /** The command's name, without the backslash (`restrict`). */
  readonly name: string;
  /** End of the command text (its arguments included). */
  readonly end: number;
  /** Where SQL lexing resumes: `end`, or past the `\\` that separates a command from SQL. */
  readonly resume: number;
  /** psql's restricted mode after the command: the key `\unrestrict` must give, or null. */
  readonly restrictKey: string | null;
}

// psql 15's commands (`psql --help=commands` and the aliases command.c accepts). psql refuses any
// other name, and drops the rest of the line with it.
const known = new Set(
  (
    'a c C cd connect conninfo copy copyright crosstabview e echo edit ef elif else encoding endif errverbose ev f ' +
    'g gdesc getenv gexec gset gx h H help html i if include include_relative ir l l+ list list+ lo_export ' +
    'lo_import lo_list lo_list+ lo_unlink o out p password print prompt pset q qecho quit r reset restrict s set ' +
    'setenv sf sf+ sv sv+ t T timing unrestrict unset w warn watch write x z ? !'
  ).split(' '),
);
// Commands whose argument is the rest of the line, backslashes included.
const wholeLine = new Set(['!', 'copy', 'ef', 'ev', 'h', 'help', 'sf', 'sf+', 'sv', 'sv+']);
// Commands taking a file argument, where `|command` runs to the end of the line.
const filePipe = new Set(['g', 'gx', 'o', 'out', 'w', 'write']);

const BACKSLASH = 0x5c;
const QUOTE = 0x27;
const DQUOTE = 0x22;
const BACKTICK = 0x60;
const PIPE = 0x7c;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c;
}

/**
 * The extent of the backslash command at `start` of `text`, on a line ending at `lineEnd`. The
 * name runs to whitespace or a backslash; the arguments, read as psql reads them ('...' with
 * escapes, "...", `...`), run to an unquoted backslash or the end of the line, and a `\\` after
 * them is eaten. A command that takes the whole line takes the rest of the line, and so does one
 * psql refuses, which it can tell from the text: an unknown name, and pg_dump's restricted mode
 * (`\restrict KEY` refuses every command until `\unrestrict KEY`; `restrictKey` is that KEY).
 */
export function metaCommandExtent(text: string, start: number, lineEnd: number, restrictKey: string | null): MetaCommandExtent {
  let i = start + 1;
  while (i < lineEnd) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || c === BACKSLASH) break;
    i++;
  }
  const name = text.slice(start + 1, i);
  const rest = { name, end: lineEnd, resume: lineEnd, restrictKey };
  if (!known.has(name) && !name.startsWith('d')) return rest; // \d... is a family psql sorts out itself
  if (wholeLine.has(name) || (restrictKey !== null && name !== 'unrestrict')) return rest;
  let argumentStart = true;
  let first: string | null = null;
  let firstStart = -1;
  while (i < lineEnd) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      if (firstStart >= 0 && first === null) first = text.slice(firstStart, i);
      argumentStart = true;
      i++;
      continue;
    }
    if (argumentStart && c === PIPE && filePipe.has(name)) return rest;
    if (argumentStart && firstStart < 0 && c !== BACKSLASH) firstStart = i;
    argumentStart = false;
    if (c === BACKSLASH) break;
    if (c === QUOTE) i = singleQuotedEnd(text, i + 1, lineEnd);
    else if (c === DQUOTE || c === BACKTICK) {
      const close = text.indexOf(String.fromCharCode(c), i + 1);
      i = close === -1 || close >= lineEnd ? lineEnd : close + 1;
    } else i++;
  }
  if (firstStart >= 0 && first === null) first = text.slice(firstStart, i);
  // The key, as psql reads it, loses trailing semicolons.
  const key = first?.replace(/;+$/, '') || null;
  let nextKey = restrictKey;
  if (name === 'restrict' || name === 'unrestrict') {
    // Refused (and the rest of the line dropped): no key, \restrict twice, the wrong key.
    if (key === null || (name === 'restrict') !== (restrictKey === null)) return rest;
    if (name === 'unrestrict' && key !== restrictKey) return rest;
    nextKey = name === 'restrict' ? key : null;
  }
  const resume = i + 1 < lineEnd && text.charCodeAt(i) === BACKSLASH && text.charCodeAt(i + 1) === BACKSLASH ? i + 2 : i;
  return { name, end: i, resume, restrictKey: nextKey };
}

/** End of a '...' argument whose text starts at `i`: `''` is a quote, a backslash escapes. */
function singleQuotedEnd(text: string, i: number, lineEnd: number): number {
  while (i < lineEnd) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i += 2;
    else if (c === QUOTE) {
      if (i + 1 < lineEnd && text.charCodeAt(i + 1) === QUOTE) i += 2;
      else return i + 1;
    } else i++;
  }
  return lineEnd;
}
