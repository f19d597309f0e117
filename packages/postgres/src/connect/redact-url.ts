const mask = '***';

/** `scheme://user:password@` — the password is everything up to the last `@` (passwords may hold `@`, `/` or `#`). */
const userinfoPassword = /^([a-z][a-z0-9+.-]*:\/\/[^:@/]*):(.*)@/i;

/** `password=...` in a query string or a libpq key/value string (quoted or bare). */
const passwordParameter = /(^|[?&\s])(password\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s&]*)/gi;

/**
 * A connection string safe to print: the password (in the userinfo, a `password=` query
 * parameter or a libpq `password=` key) becomes `***`. Works on text that is not a valid URL
 * too, erring on the side of hiding more.
 */
export function redactUrl(url: string): string {
  return url
    .replace(userinfoPassword, (_match, head: string) => `${head}:${mask}@`)
    .replace(passwordParameter, (_match, lead: string, key: string) => `${lead}${key}${mask}`);
}

/**
 * `text` with every spelling of the password of `url` (raw, percent-decoded and
 * percent-encoded) replaced by `***`, and any copy of the URL itself redacted. For error messages
 * that might echo what the driver was given.
 */
export function redactPassword(text: string, url: string): string {
  let out = text.split(url).join(redactUrl(url));
  for (const secret of passwordsOf(url)) out = out.split(secret).join(mask);
  return out;
}

function passwordsOf(url: string): string[] {
  const found: string[] = [];
  const userinfo = userinfoPassword.exec(url);
  if (userinfo?.[2]) found.push(userinfo[2]);
  for (const match of url.matchAll(passwordParameter)) {
    const value = match[3] ?? '';
    if (value !== '') found.push(value.startsWith("'") ? value.slice(1, -1) : value);
  }
  const spellings = found.flatMap((raw) => [raw, safeDecode(raw), encodeURIComponent(raw)]);
  // Longest first, so a short spelling never leaves part of a longer one visible.
  return [...new Set(spellings)].filter((s) => s !== '').sort((a, b) => b.length - a.length);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
