import type { DataSource } from 'typeorm';
import { type AppConfig, ConfigError } from './config/config.js';
import { passwordProblem } from './accounts/passwords/password-policy.service.js';
import { DEMO_WORKSPACE } from './demo/demo-workspace-identity.js';
import { workspaceSlugTaken } from './workspaces/workspace.repository.js';
import { insertWorkspaceWithAdmin } from './workspaces/workspaces.service.js';
import { generatePassword, hashPassword } from './common/secrets/password.js';
import { makeInstanceAdmin, requirePasswordChange } from './accounts/user-admin.repository.js';
import {
  anyUserExists,
  findUserByEmail,
  insertUser,
  oldestUser,
} from './accounts/user.repository.js';
import { lockForTransaction } from './database/advisory-lock.repository.js';

/** Any constant works as long as every Bearing process uses the same one (see migrations'). */
const BOOTSTRAP_LOCK_KEY = 7_366_504_713;

export const DEFAULT_ADMIN_EMAIL = 'admin@bearing.local';

export type BootstrapResult = {
  /** Set only by the start that created the first admin. */
  createdAdmin?: { email: string; generatedPassword: string | undefined };
  demoWorkspaceCreated: boolean;
};

/**
 * First start: makes sure someone can sign in, and (in demo mode) that the demo workspace
 * exists with that admin as its admin. Safe to run on every start and from several processes
 * at once: it works under a transaction-scoped advisory lock, and only ever creates what is
 * missing — the admin only while there is no user at all, the demo workspace only while no
 * workspace has its slug (so a deliberate later change is never undone).
 */
export async function bootstrapAccounts(
  dataSource: DataSource,
  config: Pick<AppConfig, 'adminEmail' | 'adminPassword' | 'demo'>,
): Promise<BootstrapResult> {
  const adminEmail = (config.adminEmail ?? DEFAULT_ADMIN_EMAIL).trim().toLowerCase();
  await assertAdminPasswordAcceptable(config.adminPassword, adminEmail);
  return dataSource.transaction(async (manager) => {
    await lockForTransaction(manager, BOOTSTRAP_LOCK_KEY);
    const result: BootstrapResult = { demoWorkspaceCreated: false };

    if (!(await anyUserExists(manager))) {
      const generatedPassword = config.adminPassword === undefined ? generatePassword() : undefined;
      const password = config.adminPassword ?? generatedPassword ?? generatePassword();
      const admin = await insertUser(manager, {
        email: adminEmail,
        displayName: 'Administrator',
        passwordHash: await hashPassword(password),
      });
      // The first admin administers the instance, whatever workspaces come later.
      await makeInstanceAdmin(manager, admin.id);
      // A generated password was shown on a terminal: its owner must replace it at first sign-in.
      if (generatedPassword !== undefined) await requirePasswordChange(manager, admin.id);
      result.createdAdmin = { email: adminEmail, generatedPassword };
    }

    if (config.demo && !(await workspaceSlugTaken(manager, DEMO_WORKSPACE.slug))) {
      const admin = (await findUserByEmail(manager, adminEmail)) ?? (await oldestUser(manager));
      if (admin) {
        await insertWorkspaceWithAdmin(manager, DEMO_WORKSPACE, {
          userId: admin.id,
          tokenId: null,
          requestId: null,
        });
        result.demoWorkspaceCreated = true;
      }
    }
    return result;
  });
}

/**
 * The operator's `BEARING_ADMIN_PASSWORD` meets the policy every password meets (length, not
 * common, not the admin's email or name), or the start stops with an error naming the variable
 * — checked whenever it is set, so a weak one is noticed before anyone relies on it. The
 * message says what is wrong, never the password.
 */
async function assertAdminPasswordAcceptable(
  password: string | undefined,
  adminEmail: string,
): Promise<void> {
  if (password === undefined) return;
  const problem = await passwordProblem(password, {
    email: adminEmail,
    displayName: 'Administrator',
  });
  if (problem !== undefined) {
    throw new ConfigError(
      'BEARING_ADMIN_PASSWORD',
      `${problem}: the first admin's password must pass the password policy (choose a passphrase of a few unusual words), or unset it to get a generated one`,
    );
  }
}

/**
 * What to tell the person at the terminal. A generated password appears here and nowhere else
 * (never in the structured log): it is printed once, by the start that created it.
 */
export function describeBootstrap({
  createdAdmin,
  demoWorkspaceCreated,
}: BootstrapResult): string[] {
  const lines: string[] = [];
  if (createdAdmin?.generatedPassword !== undefined) {
    lines.push(
      `Created the first admin: sign in as ${createdAdmin.email} with the password ${createdAdmin.generatedPassword}`,
      'This password is shown only this once: you will choose your own at first sign-in.',
    );
  } else if (createdAdmin) {
    lines.push(
      `Created the first admin: sign in as ${createdAdmin.email} with BEARING_ADMIN_PASSWORD.`,
    );
  }
  if (demoWorkspaceCreated) lines.push(`Created the demo workspace "${DEMO_WORKSPACE.slug}".`);
  return lines;
}
