/**
 * Spelling values and names as TypeScript source. Generated code embeds names and labels that
 * come from the schema (or from a live database), so every one of them goes through here.
 */

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const needsEscape = /[\\'\n\r\u2028\u2029]/;

/**
 * Words that cannot name a type or a `const` in a module: JavaScript's reserved words (strict
 * mode's included), and TypeScript's predefined type names (`interface string {}` is an error).
 */
const unusableNames: ReadonlySet<string> = new Set(
  `eval arguments break case catch class const continue debugger default delete do else enum export extends false
  finally for function if import in instanceof new null return super switch this throw true try
  typeof var void while with implements interface let package private protected public static yield
  await any bigint boolean never number object string symbol undefined unknown`.split(/\s+/),
);

/**
 * A string literal, quoted as Prettier does: single quotes, or double quotes when the text holds
 * a single quote and no double quote (`it's` -> `"it's"`).
 */
export function stringLiteral(value: string): string {
  if (!needsEscape.test(value)) return `'${value}'`;
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  let out = quote;
  for (const char of value) {
    if (char === '\\') out += '\\\\';
    else if (char === quote) out += `\\${quote}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\u2028') out += '\\u2028';
    else if (char === '\u2029') out += '\\u2029';
    else out += char;
  }
  return out + quote;
}

/**
 * An object key: bare when it is an identifier (`id`), else quoted (`'Mixed Case'`). `__proto__`
 * is computed (`['__proto__']`): written plainly, even quoted, it would set the object's
 * prototype instead of adding a field.
 */
export function propertyKey(name: string): string {
  if (name === '__proto__') return "['__proto__']";
  return identifier.test(name) ? name : stringLiteral(name);
}

/**
 * A name usable for an exported type and `const`. GraphQL names always are, except reserved
 * words (`type default`); names from elsewhere may hold any character. Both are mapped to a
 * valid identifier: invalid characters become `_`, a reserved word gets a trailing `_`.
 */
export function typeName(name: string): string {
  let out = identifier.test(name) ? name : name.replace(/[^A-Za-z0-9_$]/g, '_').replace(/^(?=[0-9])|^$/, '_');
  if (unusableNames.has(out)) out += '_';
  return out;
}

/**
 * A regular-expression literal matching `pattern` (JavaScript syntax): `/` and line breaks are
 * escaped so any pattern fits between the slashes. A pattern JavaScript rejects stays a syntax
 * error in the generated file, where `tsc` and bundlers report it.
 */
export function regexLiteral(pattern: string): string {
  if (pattern === '') return '/(?:)/';
  let out = '/';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] ?? '';
    const escaped = char === '\\' && i + 1 < pattern.length;
    const next = escaped ? (pattern[i + 1] ?? '') : char;
    if (escaped) i += 1;
    // A line break cannot appear in a literal, escaped or not; `\n` matches the same character.
    const lineBreak = lineBreaks[next];
    if (lineBreak !== undefined) out += lineBreak;
    else if (escaped) out += `\\${next}`;
    else if (char === '/') out += '\\/';
    else out += char;
  }
  return `${out}/`;
}

const lineBreaks: Readonly<Record<string, string>> = {
  '\n': '\\n',
  '\r': '\\r',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** Text safe inside a `/** ... *\/` comment. */
export function commentText(text: string): string {
  return text.includes('*/') ? text.replaceAll('*/', '*\\/') : text;
}
