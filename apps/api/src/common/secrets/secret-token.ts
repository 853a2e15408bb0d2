import { createHash, randomBytes } from 'node:crypto';

/**
 * A bearer secret (session id, API token, invite): 32 random bytes, base64url. Only its SHA-256
 * is stored — a fast hash is enough because the secret has 256 bits of entropy, unlike a
 * password — so a database leak reveals no usable credential.
 */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** Hex SHA-256 of a secret: what the database stores and is searched by. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
