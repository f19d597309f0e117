import { describe, expect, it } from 'vitest';
import { redactPassword, redactUrl } from '../src/connect/redact-url.js';

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
