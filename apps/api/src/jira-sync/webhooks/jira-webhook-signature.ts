import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Equal strings, compared in time that does not depend on where they first differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  // Hashing first gives equal lengths, so the length of a wrong guess is not revealed either.
  return timingSafeEqual(
    createHash('sha256').update(left).digest(),
    createHash('sha256').update(right).digest(),
  );
}

/** Hex SHA-256 of the address's secret segment: what the source stores. */
export function addressSecretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * Whether `header` (`X-Hub-Signature: sha256=<hex>`, as Jira Cloud and Data Center send it when
 * the webhook has a secret) is the HMAC-SHA256 of the raw body with `secret`.
 */
export function validHubSignature(
  header: string | undefined,
  body: Buffer,
  secret: string,
): boolean {
  if (header === undefined) return false;
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
  if (!match?.[1]) return false;
  const expected = createHmac('sha256', secret).update(body).digest('hex');
  return constantTimeEqual(match[1].toLowerCase(), expected);
}
