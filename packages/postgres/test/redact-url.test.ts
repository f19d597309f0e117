import { describe, expect, it } from 'vitest';
import { redactPassword, redactSecrets, redactUrl } from '../src/connect/redact-url.js';

describe('redactUrl', () => {
  it.each([
    ['postgres://alice:s3cret@db.example:5432/app', 'postgres://alice:***@db.example:5432/app'],
    ['postgresql://alice:p%40ss%2Fw0rd@db/app?sslmode=require', 'postgresql://alice:***@db/app?sslmode=require'],
    ['postgres://alice:p@ss#w/rd@db/app', 'postgres://alice:***@db/app'],
    ['postgres://alice@db/app', 'postgres://alice@db/app'],
    ['postgres://db:5432/app', 'postgres://db:5432/app'],
    ['postgres://db/app?user=alice&password=s3cret&sslmode=disable', 'postgres://db/app?user=alice&password=***&sslmode=disable'],
    ["host=db user=alice password='se cret' dbname=app", 'host=db user=alice password=*** dbname=app'],
    ['host=db password=s3cret', 'host=db password=***'],
    ['postgres:/alice:s3cret@db/app', 'postgres:/alice:***@db/app'],
    ['postgres:alice:s3cret@db/app', 'postgres:alice:***@db/app'],
    ['postgress://alice:s3cret@db/app', 'postgress://alice:***@db/app'],
    ['postgresql://alice:s3cret@[::1]:5432/app', 'postgresql://alice:***@[::1]:5432/app'],
    ['postgres://alice:se cret@db/app', 'postgres://alice:***@db/app'],
    ['alice:s3cret@db/app', 'alice:***@db/app'],
    ['postgres://db/app?sslpassword=s3cret', 'postgres://db/app?sslpassword=***'],
  ])('%s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});

describe('redactPassword', () => {
  it('hides every spelling of the password in a message', () => {
    const url = 'postgres://alice:p%40ss-w0rd@db/app';
    const message = `failed for ${url}: bad password p@ss-w0rd (p%40ss-w0rd, p%40ss-w0rd)`;
    expect(redactPassword(message, url)).toBe('failed for postgres://alice:***@db/app: bad password *** (***, ***)');
  });

  it('leaves a message without the password alone', () => {
    expect(redactPassword('connection refused', 'postgres://a:b1234@h/d')).toBe('connection refused');
  });
});

describe('redactSecrets', () => {
  it.each([
    ['could not connect to postgres:/user:S3cr3t@host/db: refused', 'could not connect to postgres:/user:***@host/db: refused'],
    ['schema file not found: postgress:/user:S3cr3t@localhost/db', 'schema file not found: postgress:/user:***@localhost/db'],
    [
      'at postgresql://user:S3cr3t@[::1]:5432/db and mysql://root:S3cr3t@h/x',
      'at postgresql://user:***@[::1]:5432/db and mysql://root:***@h/x',
    ],
    ['url (postgres://u:p%40S3cr3t@h/db)', 'url (postgres://u:***@h/db)'],
    ['connecting with host=db user=app password=S3cr3t dbname=x', 'connecting with host=db user=app password=*** dbname=x'],
    ["conninfo host=db password='S3 cr3t' port=5", 'conninfo host=db password=*** port=5'],
    ['postgres://h/db?user=u&password=S3cr3t&sslmode=disable', 'postgres://h/db?user=u&password=***&sslmode=disable'],
    ['as user:S3cr3t@host:5432', 'as user:***@host:5432'],
  ])('%s', (text, expected) => {
    expect(redactSecrets(text)).toBe(expected);
  });

  it('keeps JSON valid: a URL inside a JSON string is redacted up to its closing quote', () => {
    const line = JSON.stringify({ message: 'no postgres://u:S3cr3t@h/db', help: 'mail a@b', note: 'password=S3cr3t' });
    const redacted = redactSecrets(line);
    expect(redacted).not.toContain('S3cr3t');
    expect(JSON.parse(redacted)).toEqual({ message: 'no postgres://u:***@h/db', help: 'mail a@b', note: 'password=***' });
  });

  it.each([
    '0001_init.sql:12: skipped BEGIN',
    'step add-column:account.token:backfill done',
    'ssh://git@example.com/repo',
    'time 12:30:45',
  ])('leaves %s alone', (text) => {
    expect(redactSecrets(text)).toBe(text);
  });
});
