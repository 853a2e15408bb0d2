import { randomUUID } from 'node:crypto';
import type { TokenScope, WorkspaceRole } from '@bearing/contracts';
import supertest from 'supertest';
import { hashPassword } from '../../src/common/secrets/password.js';
import { insertUser } from '../../src/accounts/user.repository.js';
import { hashSecret, newSecret } from '../../src/common/secrets/secret-token.js';
import { ApiToken } from '../../src/tokens/api-token.entity.js';
import { TOKEN_PREFIX } from '../../src/access/credentials.js';
import { Membership } from '../../src/workspaces/membership.entity.js';
import { insertWorkspaceWithAdmin } from '../../src/workspaces/workspaces.service.js';
import type { TestApp } from './test-app.js';

/**
 * Small builders for HTTP tests. Rows that are set-up rather than the subject of a test are
 * written straight to the database; what a test is about goes through HTTP.
 */

/** Requests name this host, and browser-like writes this origin, so the CSRF check passes. */
export const TEST_HOST = 'bearing.test';
export const TEST_ORIGIN = `http://${TEST_HOST}`;
export const TEST_PASSWORD = 'correct horse battery staple';

export type TestUser = { id: string; email: string; password: string; displayName: string };
export type TestWorkspace = { id: string; slug: string; name: string };
export type TestToken = { id: string; secret: string };
/** A browser: keeps its cookies and sends this site's Origin on every request. */
export type Browser = ReturnType<typeof supertest.agent>;

let sequence = 0;
const unique = (stem: string) => `${stem}-${++sequence}-${randomUUID().slice(0, 8)}`;

export async function createUser(
  { dataSource }: TestApp,
  overrides: Partial<Omit<TestUser, 'id'>> = {},
): Promise<TestUser> {
  const email = overrides.email ?? `${unique('user')}@example.com`;
  const password = overrides.password ?? TEST_PASSWORD;
  const displayName = overrides.displayName ?? email.split('@')[0] ?? email;
  const user = await insertUser(dataSource.manager, {
    email,
    displayName,
    passwordHash: await hashPassword(password),
  });
  return { id: user.id, email, password, displayName };
}

/** A browser that is not signed in (yet). */
export function browser(testApp: TestApp): Browser {
  return supertest.agent(testApp.app.getHttpServer()).host(TEST_HOST).set('Origin', TEST_ORIGIN);
}

/** Signs `user` in through the API and returns the browser holding the session cookie. */
export async function signIn(testApp: TestApp, user: TestUser): Promise<Browser> {
  const agent = browser(testApp);
  await agent
    .post('/api/auth/sign-in')
    .send({ email: user.email, password: user.password })
    .expect(200);
  return agent;
}

export async function createWorkspace(
  { dataSource }: TestApp,
  admin: TestUser,
  slug = unique('ws'),
): Promise<TestWorkspace> {
  const name = `Workspace ${slug}`;
  const workspace = await dataSource.transaction((manager) =>
    insertWorkspaceWithAdmin(
      manager,
      { slug, name },
      { userId: admin.id, tokenId: null, requestId: null },
    ),
  );
  return { id: workspace.id, slug, name };
}

export async function addMember(
  { dataSource }: TestApp,
  workspace: TestWorkspace,
  user: TestUser,
  role: WorkspaceRole,
): Promise<void> {
  await dataSource
    .getRepository(Membership)
    .insert({ workspaceId: workspace.id, userId: user.id, role });
}

/** A user who is a member of `workspace` with `role`. */
export async function createMember(
  testApp: TestApp,
  workspace: TestWorkspace,
  role: WorkspaceRole,
): Promise<TestUser> {
  const user = await createUser(testApp);
  await addMember(testApp, workspace, user, role);
  return user;
}

export async function createToken(
  { dataSource }: TestApp,
  owner: TestUser,
  workspace: TestWorkspace,
  scope: TokenScope,
  expiresInDays = 30,
): Promise<TestToken> {
  const secret = newSecret(TOKEN_PREFIX);
  const token = await dataSource.getRepository(ApiToken).save({
    userId: owner.id,
    workspaceId: workspace.id,
    name: unique('token'),
    scope,
    tokenHash: hashSecret(secret),
    tokenPrefix: secret.slice(0, 10),
    expiresAt: new Date(Date.now() + expiresInDays * 24 * 60 * 60 * 1000),
    lastUsedAt: null,
    revokedAt: null,
  });
  return { id: token.id, secret };
}

/** Row counts of every table a request could write to: a sweep must leave them unchanged. */
export async function countRows({ dataSource }: TestApp): Promise<Record<string, number>> {
  const tables = [
    'user',
    'workspace',
    'membership',
    'invitation',
    'api_token',
    'audit_event',
    'totp_credential',
    'recovery_code',
    'mfa_ticket',
    'metric',
    'metric_point',
    'period',
    'objective',
    'key_result',
    'check_in',
    'guardrail',
    'guardrail_status_change',
    'team',
    'team_member',
    'sprint',
    'sprint_availability',
    'work_item',
    'import_job',
    'follow',
    'notification_channel',
    'notification_preference',
  ];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await dataSource.query(`SELECT count(*)::int AS count FROM "${table}"`);
    counts[table] = row.count;
  }
  return counts;
}
