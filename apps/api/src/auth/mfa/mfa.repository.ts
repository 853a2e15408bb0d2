import { type EntityManager, IsNull } from 'typeorm';
import { MfaTicket } from './mfa-ticket.entity.js';
import { RecoveryCode } from './recovery-code.entity.js';
import { TotpCredential } from './totp-credential.entity.js';

/** How long the step between the password and the code may take. */
const TICKET_LIFETIME = `interval '5 minutes'`;
/** Wrong codes one ticket survives; then the sign-in starts again from the password. */
export const TICKET_MAX_FAILURES = 5;

export function findTotpCredential(
  manager: EntityManager,
  userId: string,
): Promise<TotpCredential | null> {
  return manager.getRepository(TotpCredential).findOneBy({ userId });
}

/** The user's authenticator, locked: two codes of one step cannot both pass. */
export function lockTotpCredential(
  manager: EntityManager,
  userId: string,
): Promise<TotpCredential | null> {
  return manager
    .getRepository(TotpCredential)
    .createQueryBuilder('totp')
    .setLock('pessimistic_write')
    .where('totp.userId = :userId', { userId })
    .getOne();
}

/** Starts enrolment afresh: any earlier unconfirmed secret is replaced. */
export async function replacePendingTotpCredential(
  manager: EntityManager,
  userId: string,
  sealedSecret: string,
): Promise<void> {
  const credentials = manager.getRepository(TotpCredential);
  await credentials.delete({ userId });
  await credentials.insert({ userId, sealedSecret, confirmedAt: null, lastUsedStep: null });
}

export async function confirmTotpCredential(
  manager: EntityManager,
  userId: string,
  step: number,
): Promise<void> {
  await manager
    .getRepository(TotpCredential)
    .update({ userId }, { confirmedAt: () => 'now()', lastUsedStep: String(step) });
}

export async function setTotpLastUsedStep(
  manager: EntityManager,
  userId: string,
  step: number,
): Promise<void> {
  await manager.getRepository(TotpCredential).update({ userId }, { lastUsedStep: String(step) });
}

/**
 * Removes the user's second factor entirely: authenticator, recovery codes and open sign-in
 * tickets. Answers whether a confirmed authenticator was there.
 */
export async function deleteMfaOfUser(manager: EntityManager, userId: string): Promise<boolean> {
  const credentials = manager.getRepository(TotpCredential);
  const credential = await credentials.findOneBy({ userId });
  await credentials.delete({ userId });
  await manager.getRepository(RecoveryCode).delete({ userId });
  await manager.getRepository(MfaTicket).delete({ userId });
  return credential !== null && credential.confirmedAt !== null;
}

/** Replaces the user's recovery codes with these hashes. */
export async function replaceRecoveryCodes(
  manager: EntityManager,
  userId: string,
  codeHashes: readonly string[],
): Promise<void> {
  const codes = manager.getRepository(RecoveryCode);
  await codes.delete({ userId });
  await codes.insert(codeHashes.map((codeHash) => ({ userId, codeHash, usedAt: null })));
}

export function unusedRecoveryCodes(
  manager: EntityManager,
  userId: string,
): Promise<RecoveryCode[]> {
  return manager.getRepository(RecoveryCode).findBy({ userId, usedAt: IsNull() });
}

/** Marks a recovery code used; false when it already was (it works once). */
export async function useRecoveryCode(manager: EntityManager, id: string): Promise<boolean> {
  const result = await manager
    .getRepository(RecoveryCode)
    .update({ id, usedAt: IsNull() }, { usedAt: () => 'now()' });
  return (result.affected ?? 0) > 0;
}

export async function insertMfaTicket(
  manager: EntityManager,
  userId: string,
  tokenHash: string,
): Promise<void> {
  await manager
    .getRepository(MfaTicket)
    .insert({ userId, tokenHash, expiresAt: () => `now() + ${TICKET_LIFETIME}` });
}

/** The account of the live ticket whose secret hashes to `tokenHash` (not locked), or null. */
export async function liveMfaTicketUserId(
  manager: EntityManager,
  tokenHash: string,
): Promise<string | null> {
  const ticket = await liveTickets(manager, tokenHash).getOne();
  return ticket?.userId ?? null;
}

/** The ticket whose secret hashes to `tokenHash`, locked, if it can still complete a sign-in. */
export function lockLiveMfaTicket(
  manager: EntityManager,
  tokenHash: string,
): Promise<MfaTicket | null> {
  return liveTickets(manager, tokenHash).setLock('pessimistic_write').getOne();
}

function liveTickets(manager: EntityManager, tokenHash: string) {
  return manager
    .getRepository(MfaTicket)
    .createQueryBuilder('ticket')
    .where('ticket.tokenHash = :tokenHash', { tokenHash })
    .andWhere('ticket.usedAt IS NULL')
    .andWhere('ticket.expiresAt > now()')
    .andWhere('ticket.failedAttempts < :max', { max: TICKET_MAX_FAILURES });
}

export async function countMfaTicketFailure(manager: EntityManager, id: string): Promise<void> {
  await manager.getRepository(MfaTicket).increment({ id }, 'failedAttempts', 1);
}

/** The ticket has done its one sign-in. */
export async function useMfaTicket(manager: EntityManager, id: string): Promise<void> {
  await manager.getRepository(MfaTicket).update({ id }, { usedAt: () => 'now()' });
}

/** Deletes tickets that can no longer complete anything (housekeeping). */
export async function deleteEndedMfaTickets(manager: EntityManager): Promise<number> {
  const result = await manager
    .getRepository(MfaTicket)
    .createQueryBuilder()
    .delete()
    .where('used_at IS NOT NULL OR expires_at <= now()')
    .execute();
  return result.affected ?? 0;
}
