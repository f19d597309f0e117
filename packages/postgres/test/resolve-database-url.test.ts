import { describe, expect, it } from 'vitest';
import { resolveDatabaseUrl } from '../src/connect/resolve-database-url.js';

const env = { DATABASE_URL: 'postgres://env/db' };

describe('resolveDatabaseUrl', () => {
  it('prefers the explicit url, then the config value, then DATABASE_URL', () => {
    expect(resolveDatabaseUrl({ url: 'postgres://flag/db', configUrl: 'postgres://config/db', env })).toEqual({
      url: 'postgres://flag/db',
      source: 'option',
    });
    expect(resolveDatabaseUrl({ configUrl: 'postgres://config/db', env })).toEqual({ url: 'postgres://config/db', source: 'config' });
    expect(resolveDatabaseUrl({ env })).toEqual({ url: 'postgres://env/db', source: 'env' });
  });

  it('treats empty and blank values as unset', () => {
    expect(resolveDatabaseUrl({ url: '', configUrl: '  ', env })).toEqual({ url: 'postgres://env/db', source: 'env' });
  });

  it('returns null when nothing is set (the caller starts an embedded server)', () => {
    expect(resolveDatabaseUrl({ env: {} })).toBeNull();
  });

  it('reads process.env by default', () => {
    const saved = process.env['DATABASE_URL'];
    process.env['DATABASE_URL'] = 'postgres://process/db';
    try {
      expect(resolveDatabaseUrl()).toEqual({ url: 'postgres://process/db', source: 'env' });
    } finally {
      if (saved === undefined) delete process.env['DATABASE_URL'];
      else process.env['DATABASE_URL'] = saved;
    }
  });
});
