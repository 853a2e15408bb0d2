import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SECRET_KEY_FILE, secretKeyId } from '../../common/secrets/secret-key.js';
import type { AppConfig } from '../../config/config.js';

/**
 * The id of the secrets key this configuration uses (`secret-key.ts`), for a backup's manifest
 * and a restore's reminder; `null` when there is none yet. Unlike `resolveSecretKey` it never
 * creates a key file: a backup or a restore only looks.
 */
export async function currentSecretKeyId(
  config: Pick<AppConfig, 'secretKey' | 'databaseUrl' | 'role' | 'dataDir'>,
): Promise<string | null> {
  if (config.secretKey) return secretKeyId(config.secretKey);
  // The key file serves a single process on the embedded database only, as in resolveSecretKey.
  if (config.databaseUrl !== undefined || config.role !== 'all') return null;
  const key = await readFile(path.join(config.dataDir, SECRET_KEY_FILE)).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    },
  );
  return key ? secretKeyId(key) : null;
}
