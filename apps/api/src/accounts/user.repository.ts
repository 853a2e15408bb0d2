import { type EntityManager, In } from 'typeorm';
import { User } from './user.entity.js';

export type NewUser = { email: string; displayName: string; passwordHash: string };

/**
 * Inserts a user whose email is already validated and lower-cased. Plain function rather than
 * a service method: start-up (bootstrap) creates the first admin before Nest exists.
 */
export async function insertUser(manager: EntityManager, user: NewUser): Promise<User> {
  const repository = manager.getRepository(User);
  return repository.save(repository.create({ ...user, disabledAt: null }));
}

export function findUserByEmail(manager: EntityManager, email: string): Promise<User | null> {
  return manager.getRepository(User).findOneBy({ email });
}

export function findUserById(manager: EntityManager, id: string): Promise<User | null> {
  return manager.getRepository(User).findOneBy({ id });
}

/** Sets the user's audience (start page) and/or time zone; false when there is no such user. */
export async function setUserPreferences(
  manager: EntityManager,
  id: string,
  preferences: Partial<Pick<User, 'audience' | 'timeZone'>>,
): Promise<boolean> {
  const result = await manager.getRepository(User).update({ id }, preferences);
  return result.affected !== 0;
}

/** Whether any account exists yet. */
export function anyUserExists(manager: EntityManager): Promise<boolean> {
  return manager.getRepository(User).exists();
}

/** The account created first, if any. */
export function oldestUser(manager: EntityManager): Promise<User | null> {
  return manager.getRepository(User).findOne({ where: {}, order: { createdAt: 'ASC' } });
}

/** The users with these ids (those that exist), by id. */
export async function usersByIds(
  manager: EntityManager,
  ids: readonly string[],
): Promise<Map<string, User>> {
  if (ids.length === 0) return new Map();
  const users = await manager.getRepository(User).findBy({ id: In([...new Set(ids)]) });
  return new Map(users.map((user) => [user.id, user]));
}

/** The local part of an email, as a first display name until the person picks one. */
export function displayNameFromEmail(email: string): string {
  return email.split('@')[0]?.slice(0, 100) || email.slice(0, 100);
}
