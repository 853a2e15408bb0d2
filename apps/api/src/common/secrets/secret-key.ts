import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type AppConfig, ConfigError } from '../../config/config.js';

/** The key secrets at rest are sealed with, and its id (stored beside every sealed value). */
export type SecretKey = { id: string; key: Buffer };

export const SECRET_KEY_FILE = 'secret.key';

/** A key's id: the start of its SHA-256, enough to tell keys apart, nothing to recover it from. */
export function secretKeyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/**
 * The secrets key of this process: `BEARING_SECRET_KEY` when set; otherwise, for a single
 * process on the embedded database, a key file in the data directory (generated once, mode
 * 0600). Several processes or an external database need the key from the environment so
 * every process shares it — a generated file on one machine would not reach the others.
 */
export async function resolveSecretKey(
  config: Pick<AppConfig, 'secretKey' | 'databaseUrl' | 'role' | 'dataDir'>,
): Promise<SecretKey> {
  if (config.secretKey) return { id: secretKeyId(config.secretKey), key: config.secretKey };
  if (config.databaseUrl !== undefined || config.role !== 'all') {
    throw new ConfigError(
      'BEARING_SECRET_KEY',
      'is required with DATABASE_URL or BEARING_ROLE=web|worker, so every process shares one key (create one with: openssl rand -base64 32)',
    );
  }
  const file = path.join(config.dataDir, SECRET_KEY_FILE);
  const existing = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (existing) {
    if (existing.length !== 32) {
      throw new ConfigError('BEARING_SECRET_KEY', `the key file ${file} is not a 32-byte key`);
    }
    return { id: secretKeyId(existing), key: existing };
  }
  const key = randomBytes(32);
  await mkdir(config.dataDir, { recursive: true });
  // `wx`: two processes starting at once never overwrite each other's key.
  await writeFile(file, key, { mode: 0o600, flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  await chmod(file, 0o600);
  const stored = await readFile(file);
  return { id: secretKeyId(stored), key: stored };
}
