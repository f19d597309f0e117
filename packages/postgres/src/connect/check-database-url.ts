import { InvalidDatabaseUrlError } from './invalid-database-url-error.js';
import { redactUrl } from './redact-url.js';

// Written without a password, so that no redaction of the output takes the example for a secret.
const example = 'postgres://user@host:5432/database (a password goes after the user name, as in user:password@)';
const encodeHelp = `write it as ${example}, with any of / ? # @ : % or a space in the user name or password percent-encoded (%2F %3F %23 %40 %3A %25 %20)`;

/**
 * `text` itself when it is a database URL node-postgres reads as it is plainly meant:
 * `postgres://` or `postgresql://`, a host (or a `?host=` socket directory), a port from 1 to
 * 65535, valid percent-encoding and no `#`. Anything else is refused instead of guessed: a
 * key=value string, another scheme (`postgress://`), one slash (`postgres:/user@host`, which
 * node-postgres reads as a path on localhost), a `#` (the rest of the password would become a
 * fragment), a bad port. `source` names where the URL came from in the message (`--database-url`).
 *
 * @throws InvalidDatabaseUrlError; its message holds the URL without its password.
 */
export function checkDatabaseUrl(text: string, source: string | null = null): string {
  const subject = `${source ?? 'the database URL'} ${redactUrl(text)}`;
  const refuse = (reason: string, help = encodeHelp) => new InvalidDatabaseUrlError(subject, reason, help);
  if (/^\s*[A-Za-z_]+\s*=/.test(text)) {
    throw refuse('it is a key=value connection string; Wesley takes a URL', `write it as ${example}`);
  }
  // `user:password@host` has no scheme: what comes before its first ':' is the user name.
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\//.exec(text)?.[1] ?? /^(postgres(?:ql)?):/i.exec(text)?.[1];
  if (scheme === undefined) throw refuse('it does not start with postgres:// or postgresql://', `write it as ${example}`);
  if (!/^postgres(?:ql)?$/i.test(scheme)) {
    throw refuse(`the scheme '${scheme}:' is not postgres: or postgresql:`, `write it as ${example}`);
  }
  const rest = text.slice(scheme.length + 1);
  if (!rest.startsWith('//')) throw refuse(`'${scheme}:' must be followed by two slashes`, `write it as ${example}`);
  if (text.includes('#')) throw refuse("it holds a '#', which ends a URL: the rest would be dropped");
  // The authority ends where the URL parser ends it: at the first / ? or #.
  const authority = /^[^/?#]*/.exec(rest.slice(2))?.[0] ?? '';
  const at = authority.lastIndexOf('@');
  const userinfo = at === -1 ? '' : authority.slice(0, at);
  const hostPort = authority.slice(at + 1);
  // Neither the host nor the port is echoed: with a / or # left unencoded, they hold part of the password.
  const port = /^(?:\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(hostPort)?.[1];
  if (port !== undefined && port !== '' && !(/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535)) {
    throw refuse('its port is not a number from 1 to 65535');
  }
  let url: URL;
  try {
    // A URL with no host but a ?host= socket directory is valid for node-postgres, not for the URL parser.
    url = new URL(hostPort === '' ? text.replace(/^([^/]*\/\/[^/?#]*@?)/, '$1localhost') : text);
  } catch {
    throw refuse('it does not parse as a URL');
  }
  if (hostPort === '' && !url.searchParams.has('host')) {
    throw refuse('it names no host', `name the host (${example}), or the socket directory as ?host=/var/run/postgresql`);
  }
  for (const part of [userinfo, url.pathname]) {
    try {
      decodeURIComponent(part);
    } catch {
      throw refuse("a '%' in it is not followed by two hexadecimal digits");
    }
  }
  return text;
}
