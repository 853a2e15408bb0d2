import { afterEach, describe, expect, it } from '@jest/globals';
import { meResponseSchema } from '@bearing/contracts';
import {
  bootstrapAccounts,
  DEFAULT_ADMIN_EMAIL,
  describeBootstrap,
} from '../src/bootstrap-accounts.js';
import { ConfigError } from '../src/config/config.js';
import { browser, createUser } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('first start', () => {
  let testApp: TestApp | undefined;

  afterEach(async () => {
    await testApp?.close();
    testApp = undefined;
  });

  const fresh = async () => (testApp = await createTestApp());
  const count = async (app: TestApp, table: string) =>
    (await app.dataSource.query(`SELECT count(*)::int AS count FROM "${table}"`))[0]
      .count as number;
  const signIn = (app: TestApp, email: string, password: string) =>
    browser(app).post('/api/auth/sign-in').send({ email, password });

  it('creates admin@bearing.local with a generated password, printed once', async () => {
    const app = await fresh();
    const config = { adminEmail: undefined, adminPassword: undefined, demo: false };
    const first = await bootstrapAccounts(app.dataSource, config);
    const password = first.createdAdmin?.generatedPassword ?? '';
    expect(first.createdAdmin?.email).toBe(DEFAULT_ADMIN_EMAIL);
    expect(password.length).toBeGreaterThanOrEqual(32);
    expect(describeBootstrap(first).join('\n')).toContain(password);
    const signedIn = await signIn(app, DEFAULT_ADMIN_EMAIL, password).expect(200);
    // Shown on a terminal: the admin must choose their own password at first sign-in.
    expect(meResponseSchema.parse(signedIn.body).user.mustChangePassword).toBe(true);
    const [row] = await app.dataSource.query(`SELECT password_hash FROM "user"`);
    expect(row.password_hash).not.toContain(password);

    const second = await bootstrapAccounts(app.dataSource, config);
    expect(second).toEqual({ demoWorkspaceCreated: false });
    expect(describeBootstrap(second)).toEqual([]);
    expect(await count(app, 'user')).toBe(1);
  });

  it('uses BEARING_ADMIN_EMAIL and BEARING_ADMIN_PASSWORD when set, without echoing the password', async () => {
    const app = await fresh();
    const result = await bootstrapAccounts(app.dataSource, {
      adminEmail: 'Owner@Example.com',
      adminPassword: 'a long admin password',
      demo: false,
    });
    expect(result.createdAdmin).toEqual({
      email: 'owner@example.com',
      generatedPassword: undefined,
    });
    expect(describeBootstrap(result).join('\n')).not.toContain('a long admin password');
    const signedIn = await signIn(app, 'owner@example.com', 'a long admin password').expect(200);
    expect(meResponseSchema.parse(signedIn.body).user.mustChangePassword).toBe(false);
  });

  it('stops the start with an error naming BEARING_ADMIN_PASSWORD when the policy refuses it', async () => {
    const app = await fresh();
    for (const weak of ['password1234', 'aaaaaaaaaaaa', 'admin@bearing.local!']) {
      const refused = bootstrapAccounts(app.dataSource, {
        adminEmail: undefined,
        adminPassword: weak,
        demo: false,
      });
      await expect(refused).rejects.toBeInstanceOf(ConfigError);
      await expect(refused).rejects.toThrow(/^BEARING_ADMIN_PASSWORD: /);
      await expect(refused).rejects.not.toThrow(weak);
    }
    expect(await count(app, 'user')).toBe(0);
  });

  it('creates no admin once any user exists', async () => {
    const app = await fresh();
    await createUser(app);
    const result = await bootstrapAccounts(app.dataSource, {
      adminEmail: undefined,
      adminPassword: undefined,
      demo: false,
    });
    expect(result.createdAdmin).toBeUndefined();
    expect(await count(app, 'user')).toBe(1);
  });

  it('in demo mode, makes the admin an admin of the demo workspace, once', async () => {
    const app = await fresh();
    const config = {
      adminEmail: undefined,
      adminPassword: 'quokka lantern fjord 1897',
      demo: true,
    };
    const first = await bootstrapAccounts(app.dataSource, config);
    expect(first.demoWorkspaceCreated).toBe(true);
    const me = meResponseSchema.parse(
      (await signIn(app, DEFAULT_ADMIN_EMAIL, 'quokka lantern fjord 1897').expect(200)).body,
    );
    expect(me.workspaces).toEqual([
      expect.objectContaining({ slug: 'demo', name: 'Streaming Co. (demo)', role: 'admin' }),
    ]);
    expect(await bootstrapAccounts(app.dataSource, config)).toEqual({
      demoWorkspaceCreated: false,
    });
    expect(await count(app, 'workspace')).toBe(1);
    expect(await count(app, 'membership')).toBe(1);
  });

  it('is safe when several processes start at once', async () => {
    const app = await fresh();
    const config = { adminEmail: undefined, adminPassword: undefined, demo: true };
    const results = await Promise.all(
      Array.from({ length: 4 }, () => bootstrapAccounts(app.dataSource, config)),
    );
    expect(results.filter((result) => result.createdAdmin)).toHaveLength(1);
    expect(results.filter((result) => result.demoWorkspaceCreated)).toHaveLength(1);
    expect(await count(app, 'user')).toBe(1);
    expect(await count(app, 'workspace')).toBe(1);
  });
});
