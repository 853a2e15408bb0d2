import { type EntityManager, LessThan } from 'typeorm';
import { OidcIdentity } from './oidc-identity.entity.js';
import { OidcPendingLink } from './oidc-pending-link.entity.js';
import { OidcSignInAttempt } from './oidc-sign-in-attempt.entity.js';

export type NewSignInAttempt = Pick<
  OidcSignInAttempt,
  'browserKeyHash' | 'state' | 'nonce' | 'codeVerifier' | 'nextPath' | 'expiresAt'
>;

/** Stores a new attempt, clearing attempts that expired unused on the way. */
export async function insertSignInAttempt(
  manager: EntityManager,
  attempt: NewSignInAttempt,
): Promise<void> {
  const attempts = manager.getRepository(OidcSignInAttempt);
  await attempts.delete({ expiresAt: LessThan(new Date()) });
  await attempts.insert(attempt);
}

/**
 * Deletes and answers the attempt of this browser — deleting first means two callbacks racing
 * with the same cookie get it once — or `undefined` when there is none (used, never started).
 */
export async function takeSignInAttempt(
  manager: EntityManager,
  browserKeyHash: string,
): Promise<OidcSignInAttempt | undefined> {
  const result = await manager
    .getRepository(OidcSignInAttempt)
    .createQueryBuilder()
    .delete()
    .where('browser_key_hash = :browserKeyHash', { browserKeyHash })
    .returning('*')
    .execute();
  const row = (result.raw as Record<string, unknown>[])[0];
  if (row === undefined) return undefined;
  return manager.getRepository(OidcSignInAttempt).create({
    id: row.id as string,
    browserKeyHash: row.browser_key_hash as string,
    state: row.state as string,
    nonce: row.nonce as string,
    codeVerifier: row.code_verifier as string,
    nextPath: row.next_path as string,
    createdAt: row.created_at as Date,
    expiresAt: row.expires_at as Date,
  });
}

/** The account linked to this person at this provider, if any. */
export async function linkedUserId(
  manager: EntityManager,
  issuer: string,
  subject: string,
): Promise<string | undefined> {
  const identity = await manager.getRepository(OidcIdentity).findOneBy({ issuer, subject });
  return identity?.userId;
}

export async function insertIdentity(
  manager: EntityManager,
  identity: Pick<OidcIdentity, 'userId' | 'issuer' | 'subject'>,
): Promise<void> {
  await manager.getRepository(OidcIdentity).insert(identity);
}

/** Records (or replaces) the link waiting for the account owner's confirmation. */
export async function upsertPendingLink(
  manager: EntityManager,
  link: Pick<OidcPendingLink, 'userId' | 'issuer' | 'subject'>,
): Promise<void> {
  await manager
    .getRepository(OidcPendingLink)
    .upsert({ ...link, createdAt: new Date() }, { conflictPaths: ['userId'] });
}

/** Deletes and answers the account's pending link, if it has one. */
export async function takePendingLink(
  manager: EntityManager,
  userId: string,
): Promise<OidcPendingLink | undefined> {
  const links = manager.getRepository(OidcPendingLink);
  const link = await links.findOne({ where: { userId }, lock: { mode: 'pessimistic_write' } });
  if (!link) return undefined;
  await links.delete({ userId });
  return link;
}

/** Every pending link with its account, oldest first (instance admins confirm them). */
export function pendingLinks(manager: EntityManager): Promise<OidcPendingLink[]> {
  return manager
    .getRepository(OidcPendingLink)
    .find({ relations: { user: true }, order: { createdAt: 'ASC' } });
}
