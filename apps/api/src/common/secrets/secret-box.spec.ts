import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConfigError } from '../../config/config.js';
import { SecretBox, SecretUnavailableError } from './secret-box.js';
import { resolveSecretKey, SECRET_KEY_FILE, secretKeyId } from './secret-key.js';

const KEY = Buffer.alloc(32, 7);
const OTHER = Buffer.alloc(32, 9);

describe('SecretBox', () => {
  const box = new SecretBox({ id: secretKeyId(KEY), key: KEY });

  it('seals a value so that only the same key opens it, naming the key that sealed it', () => {
    const sealed = box.seal('jira-api-token-123');
    expect(sealed).not.toContain('jira-api-token-123');
    expect(sealed.split(':').slice(0, 2)).toEqual(['v1', secretKeyId(KEY)]);
    expect(box.open(sealed)).toBe('jira-api-token-123');
    // A fresh IV each time: equal secrets do not look equal at rest.
    expect(box.seal('jira-api-token-123')).not.toBe(sealed);

    const other = new SecretBox({ id: secretKeyId(OTHER), key: OTHER });
    expect(() => other.open(sealed)).toThrow(SecretUnavailableError);
    expect(() => other.open(sealed)).toThrow(
      /sealed with key [0-9a-f]{16}, but this server has key/,
    );
  });

  it('refuses an altered value without revealing anything', () => {
    const sealed = box.seal('https://hooks.slack.com/services/T000/B000/XXXX');
    const parts = sealed.split(':');
    const body = Buffer.from(parts[4] ?? '', 'base64url');
    body[0] = (body[0] ?? 0) ^ 1;
    parts[4] = body.toString('base64url');
    expect(() => box.open(parts.join(':'))).toThrow(
      'the stored secret was altered and cannot be opened',
    );
    expect(() => box.open('plain text')).toThrow(/not in a format/);
  });
});

describe('resolveSecretKey', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'bearing-secrets-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('uses BEARING_SECRET_KEY when set', async () => {
    const resolved = await resolveSecretKey({
      secretKey: KEY,
      databaseUrl: 'postgres://db/bearing',
      role: 'web',
      dataDir,
    });
    expect(resolved).toEqual({ id: secretKeyId(KEY), key: KEY });
  });

  it('generates a 0600 key file once for a single embedded-database process, then reuses it', async () => {
    const config = { secretKey: undefined, databaseUrl: undefined, role: 'all' as const, dataDir };
    const first = await resolveSecretKey(config);
    const second = await resolveSecretKey(config);
    expect(second).toEqual(first);
    const file = path.join(dataDir, SECRET_KEY_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readFile(file)).toEqual(first.key);
  });

  it.each([
    { databaseUrl: 'postgres://db/bearing', role: 'all' as const },
    { databaseUrl: 'postgres://db/bearing', role: 'worker' as const },
  ])('requires the key from the environment for %j', async (setting) => {
    await expect(resolveSecretKey({ secretKey: undefined, dataDir, ...setting })).rejects.toThrow(
      ConfigError,
    );
    await expect(resolveSecretKey({ secretKey: undefined, dataDir, ...setting })).rejects.toThrow(
      /^BEARING_SECRET_KEY: is required with DATABASE_URL or BEARING_ROLE=web\|worker/,
    );
  });
});
