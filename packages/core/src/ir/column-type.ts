import { quoteIdent } from '../naming/quote-ident.js';
import type { ColumnTypeIR } from './types.js';

/** Aliases PostgreSQL accepts, mapped to the spelling `format_type()` prints. */
const canonicalNames: Readonly<Record<string, string>> = {
  int: 'integer',
  int4: 'integer',
  int8: 'bigint',
  int2: 'smallint',
  serial4: 'integer',
  float8: 'double precision',
  float: 'double precision',
  float4: 'real',
  bool: 'boolean',
  varchar: 'character varying',
  char: 'character',
  bpchar: 'character',
  decimal: 'numeric',
  timestamptz: 'timestamp with time zone',
  timestamp: 'timestamp without time zone',
  'timestamp with time zone': 'timestamp with time zone',
  'timestamp without time zone': 'timestamp without time zone',
  timetz: 'time with time zone',
  time: 'time without time zone',
  'time without time zone': 'time without time zone',
  'time with time zone': 'time with time zone',
  varbit: 'bit varying',
};

/** The built-in type names that are spelt with more than one word. */
const multiWordNames: ReadonlySet<string> = new Set([
  'double precision',
  'character varying',
  'bit varying',
  'timestamp with time zone',
  'timestamp without time zone',
  'time with time zone',
  'time without time zone',
]);

/** Types whose modifiers go after the whole name rather than inside it (`timestamp(3) with time zone`). */
const precisionInside = /^(timestamp|time)\s*\((\d+)\)\s*(with|without)\s+time\s+zone$/;

/**
 * Parses a PostgreSQL type spelling (`varchar(255)`, `numeric(12, 2)`, `timestamptz`, `text[]`,
 * an enum name) into the canonical {@link ColumnTypeIR}. Returns `null` when the text is not a
 * plausible type name: one identifier (a built-in, an extension's type, an enum), or one of
 * the multi-word names PostgreSQL itself has. `enums` holds the schema's enum type names.
 */
export function parseColumnType(text: string, enums: { has(name: string): boolean } = new Set()): ColumnTypeIR | null {
  let rest = text.trim();
  let array = false;
  const arrayMatch = /^(.*?)\s*((\[\s*\d*\s*\])+)$/.exec(rest);
  if (arrayMatch) {
    rest = arrayMatch[1] ?? '';
    array = true;
  }
  let name: string;
  let modifiers: number[];
  const inside = precisionInside.exec(rest.toLowerCase());
  if (inside) {
    name = `${inside[1]} ${inside[3]} time zone`;
    modifiers = [Number(inside[2])];
  } else {
    const m = /^("(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$ ]*?)\s*(?:\(\s*(\d+(?:\s*,\s*-?\d+)*)\s*\))?$/.exec(rest);
    if (!m) return null;
    const raw = m[1] ?? '';
    if (raw.startsWith('"')) {
      name = raw.slice(1, -1).replaceAll('""', '"');
    } else {
      const lowered = raw.toLowerCase().replace(/\s+/g, ' ').trim();
      if (lowered.includes(' ') && !multiWordNames.has(lowered)) return null;
      name = canonicalNames[lowered] ?? lowered;
    }
    modifiers = m[2] ? m[2].split(',').map((s) => Number(s.trim())) : [];
  }
  const enumName = enums.has(name) ? name : null;
  return columnType(name, modifiers, array, enumName);
}

/** Builds a {@link ColumnTypeIR} from its parts, computing the canonical `sql` spelling. */
export function columnType(base: string, modifiers: readonly number[], array: boolean, enumName: string | null): ColumnTypeIR {
  return { array, base, enum: enumName, modifiers, sql: formatType(base, modifiers, array) };
}

function formatType(base: string, modifiers: readonly number[], array: boolean): string {
  const mods = modifiers.length > 0 ? `(${modifiers.join(',')})` : '';
  const zone = /^(timestamp|time) (with|without) time zone$/.exec(base);
  const builtin = zone !== null || base.includes(' ') || canonicalNames[base] !== undefined || isBuiltin(base);
  const element = zone ? `${zone[1]}${mods} ${zone[2]} time zone` : `${builtin ? base : quoteIdent(base)}${mods}`;
  return array ? `${element}[]` : element;
}

/** Built-in names `format_type()` prints bare even though they are keywords. */
function isBuiltin(base: string): boolean {
  return [
    'integer',
    'bigint',
    'smallint',
    'boolean',
    'numeric',
    'real',
    'character',
    'bit',
    'interval',
    'json',
    'time',
    'timestamp',
  ].includes(base);
}
