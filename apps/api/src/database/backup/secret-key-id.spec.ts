import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SECRET_KEY_FILE, secretKeyId } from '../../common/secrets/secret-key.js';
import { currentSecretKeyId } from './secret-key-id.js';

describe('currentSecretKeyId', () => {
  const embedded = { databaseUrl: undefined, role: 'all' as const, secretKey: undefined };

  it('names the key of BEARING_SECRET_KEY, else the key file, else none', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'bearing-key-'));
    try {
      expect(await currentSecretKeyId({ ...embedded, dataDir })).toBeNull();
      const file = randomBytes(32);
      await writeFile(path.join(dataDir, SECRET_KEY_FILE), file);
      expect(await currentSecretKeyId({ ...embedded, dataDir })).toBe(secretKeyId(file));
      const environment = randomBytes(32);
      expect(await currentSecretKeyId({ ...embedded, dataDir, secretKey: environment })).toBe(
        secretKeyId(environment),
      );
      // With an external database only the environment's key counts, as when Bearing starts.
      const external = { ...embedded, dataDir, databaseUrl: 'postgres://db/bearing' };
      expect(await currentSecretKeyId(external)).toBeNull();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
