import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to port 3000, the embedded database with the demo, and ./.bearing', () => {
    const config = loadConfig({}, '/srv/bearing');
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      dataDir: '/srv/bearing/.bearing',
      demo: true,
      logLevel: 'info',
      role: 'all',
      publicUrl: 'http://localhost:3000',
      secretKey: undefined,
      trustProxy: ['loopback'],
    });
  });

  it('turns the demo off by default with an external database', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/bearing' }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db/bearing', BEARING_DEMO: '1' }).demo).toBe(
      true,
    );
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT', /PORT: must be a whole number from 1 to 65535 \(got "abc"\)/],
    [{ PORT: '70000' }, 'PORT', /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL', /DATABASE_URL: must be a postgres/],
    [{ BEARING_DEMO: 'maybe' }, 'BEARING_DEMO', /BEARING_DEMO: must be one of/],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', /LOG_LEVEL/],
    [{ BEARING_ROLE: 'boss' }, 'BEARING_ROLE', /BEARING_ROLE: must be one of all, web, worker/],
    [{ BEARING_ADMIN_EMAIL: 'nobody' }, 'BEARING_ADMIN_EMAIL', /BEARING_ADMIN_EMAIL/],
  ])('rejects %j naming the variable', (environment, variable, message) => {
    let thrown: unknown;
    try {
      loadConfig(environment);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).variable).toBe(variable);
    expect((thrown as ConfigError).message).toMatch(message);
  });

  it('runs web and worker processes only on a shared external database', () => {
    const external = { DATABASE_URL: 'postgres://u:p@db:5432/bearing' };
    expect(loadConfig({ ...external, BEARING_ROLE: 'worker' }).role).toBe('worker');
    expect(loadConfig({ ...external, BEARING_ROLE: 'web' }).role).toBe('web');
    expect(() => loadConfig({ BEARING_ROLE: 'web' })).toThrow(
      /BEARING_ROLE: web processes share one PostgreSQL with the others: set DATABASE_URL/,
    );
  });

  it('reads the public address and a secrets key in hex or base64', () => {
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ BEARING_PUBLIC_URL: 'https://bearing.example.com/' }).publicUrl).toBe(
      'https://bearing.example.com',
    );
    expect(() => loadConfig({ BEARING_PUBLIC_URL: 'bearing.example.com' })).toThrow(
      /^BEARING_PUBLIC_URL: must be an http/,
    );
    const hex = loadConfig({ BEARING_SECRET_KEY: 'ab'.repeat(32) }).secretKey;
    const base64 = loadConfig({ BEARING_SECRET_KEY: Buffer.alloc(32, 0xab).toString('base64') });
    expect(hex).toEqual(Buffer.alloc(32, 0xab));
    expect(base64.secretKey).toEqual(hex);
    expect(() => loadConfig({ BEARING_SECRET_KEY: 'too-short-to-be-a-key' })).toThrow(
      /^BEARING_SECRET_KEY: must be 32 random bytes/,
    );
    expect(() => loadConfig({ BEARING_SECRET_KEY: 'too-short-to-be-a-key' })).not.toThrow(
      /too-short/,
    );
  });

  it('trusts the forwarding proxies it is told to', () => {
    expect(loadConfig({ BEARING_TRUST_PROXY: 'loopback, uniquelocal' }).trustProxy).toEqual([
      'loopback',
      'uniquelocal',
    ]);
    expect(() => loadConfig({ BEARING_TRUST_PROXY: 'all of them!' })).toThrow(
      /^BEARING_TRUST_PROXY: must be a comma-separated list/,
    );
  });

  it('never echoes a secret back', () => {
    expect(() => loadConfig({ BEARING_ADMIN_PASSWORD: 'secret' })).toThrow(
      /at least 12 characters$/,
    );
    expect(() => loadConfig({ DATABASE_URL: 'http://user:hunter2@x' })).not.toThrow(/hunter2/);
  });
});
