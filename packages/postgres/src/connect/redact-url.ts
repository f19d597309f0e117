const mask = '***';

/**
 * `scheme:` with any number of slashes (a mistyped `postgres:/` too), or no scheme at all, then
 * `user:password@` — the password is everything up to the last `@` (passwords may hold `@`, `/`,
 * `#` or, mistyped, a space).
 */
const userinfoPassword = /^((?:[a-z][a-z0-9+.-]*:\/{0,3})?[^:@/\s]*):(?!\/)(.*)@/is;

/** `password=...` (or `sslpassword=`) in a query string or a libpq key/value string, quoted or bare. */
const passwordParameter = /(^|[?&\s;,("'])((?:ssl)?password\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s&"'\\]*)/gi;

/**
 * In free text: `scheme:` with zero to three slashes, a user name, `:`, and a password up to the
 * last `@` of the token. Quotes, brackets and backquotes end a token, so a URL inside a quoted
 * string or a JSON value is found without running past its end.
 */
const urlInText = /([a-z][a-z0-9+.-]*:\/{0,3}[^\s:@/"'<>`]*):([^\s"'<>`]*)@/gi;

/**
 * In free text, without a scheme: `user:password@host`. A password starting with `/` is the rest
 * of a URL `urlInText` has handled (`postgres://...`), not a password.
 */
const userinfoInText = /(^|[\s"'(=,<])([^\s:@/"'<>`]+):(?!\/)([^\s"'<>`]*)@(?=[\w[])/g;

/**
 * A connection string safe to print: the password (in the userinfo, whatever the scheme or the
 * number of slashes, a `password=` query parameter or a libpq `password=` key) becomes `***`.
 * The whole of `url` is taken as one connection string, so it works on text that is not a valid
 * URL too, erring on the side of hiding more. For text that may hold a URL among other words,
 * use {@link redactSecrets}.
 */
export function redactUrl(url: string): string {
  return url
    .replace(userinfoPassword, (_match, head: string) => `${head}:${mask}@`)
    .replace(passwordParameter, (_match, lead: string, key: string) => `${lead}${key}${mask}`);
}

/**
 * `text` with the password of every connection string in it replaced by `***`: URLs of any
 * scheme and any number of slashes (`postgres:/u:pw@h`, `postgress://`, `mysql://`),
 * `user:password@host` without a scheme, `password=` in query strings and key=value strings.
 * Meant for any message or output line, as the last line of defence; it cannot know a password
 * that stands alone in the text (see {@link redactPassword}).
 */
export function redactSecrets(text: string): string {
  return text
    .replace(urlInText, (_match, head: string) => `${head}:${mask}@`)
    .replace(userinfoInText, (_match, lead: string, user: string) => `${lead}${user}:${mask}@`)
    .replace(passwordParameter, (_match, lead: string, key: string) => `${lead}${key}${mask}`);
}

/**
 * `text` with every spelling of the password of `url` (raw, percent-decoded and
 * percent-encoded) replaced by `***`, any copy of the URL itself redacted, and then
 * {@link redactSecrets}. For error messages that might echo what the driver was given.
 */
export function redactPassword(text: string, url: string): string {
  let out = text.split(url).join(redactUrl(url));
  for (const secret of passwordsOf(url)) out = out.split(secret).join(mask);
  return redactSecrets(out);
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
