import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { SecretKey } from './secret-key.js';

const FORMAT = 'v1';
const IV_BYTES = 12;

/** Thrown when a sealed value cannot be opened: another key, or altered. Never shows the value. */
export class SecretUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretUnavailableError';
  }
}

/**
 * Secrets at rest (Jira tokens, webhook URLs): AES-256-GCM with a random 96-bit IV per value.
 * A sealed value is `v1:<key id>:<iv>:<tag>:<ciphertext>` (base64url), so it says which key
 * sealed it and keys can rotate; GCM's tag makes any alteration fail to open. API responses
 * say `hasSecret: true` instead of a value, and neither logs nor audit events carry one.
 */
export class SecretBox {
  constructor(private readonly secretKey: SecretKey) {}

  get keyId(): string {
    return this.secretKey.id;
  }

  /**
   * An HMAC-SHA256 of `data` (base64url) with a key derived from the instance key for one
   * `purpose` (e.g. unsubscribe links), so tokens of one kind are never valid as another.
   */
  mac(purpose: string, data: string): string {
    const key = Buffer.from(hkdfSync('sha256', this.secretKey.key, '', `bearing:${purpose}`, 32));
    return createHmac('sha256', key).update(data, 'utf8').digest('base64url');
  }

  seal(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.secretKey.key, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [FORMAT, this.secretKey.id, iv, cipher.getAuthTag(), ciphertext]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join(':');
  }

  open(sealed: string): string {
    const [format, keyId, iv, tag, ciphertext, ...rest] = sealed.split(':');
    if (format !== FORMAT || !keyId || !iv || !tag || ciphertext === undefined || rest.length) {
      throw new SecretUnavailableError('the stored secret is not in a format this version reads');
    }
    if (keyId !== this.secretKey.id) {
      throw new SecretUnavailableError(
        `the stored secret was sealed with key ${keyId}, but this server has key ${this.secretKey.id}: restore the key kept with the backup, or enter the secret again`,
      );
    }
    try {
      const decipher = createDecipheriv(
        'aes-256-gcm',
        this.secretKey.key,
        Buffer.from(iv, 'base64url'),
      );
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(ciphertext, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new SecretUnavailableError('the stored secret was altered and cannot be opened');
    }
  }
}
