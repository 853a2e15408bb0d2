import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  addMemberResponseSchema,
  memberPageSchema,
  memberSchema,
  meResponseSchema,
  problemSchema,
} from '@bearing/contracts';
import { hashSecret } from '../src/common/secrets/secret-token.js';
import {
  browser,
  type Browser,
  createMember,
  createToken,
  createUser,
  createWorkspace,
  signIn,
  TEST_PASSWORD,
  type TestUser,
  type TestWorkspace,
} from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('members', () => {
  let testApp: TestApp;
  let admin: TestUser;
  let workspace: TestWorkspace;
  let adminBrowser: Browser;
  const members = () => `/api/workspaces/${workspace.slug}/members`;

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await createUser(testApp, { email: 'aaa-admin@example.com' });
    workspace = await createWorkspace(testApp, admin);
    adminBrowser = await signIn(testApp, admin);
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('lists members by email with their role and version, to viewers too', async () => {
    const viewer = await createMember(testApp, workspace, 'viewer');
    const page = memberPageSchema.parse(
      (await (await signIn(testApp, viewer)).get(members()).expect(200)).body,
    );
    const emails = page.items.map((member) => member.email);
    expect(emails).toEqual([...emails].sort());
    expect(page.items).toContainEqual(
      expect.objectContaining({ userId: viewer.id, role: 'viewer', version: 1 }),
    );
  });

  describe('adding', () => {
    it('creates an account with the initial password for a new email', async () => {
      const response = await adminBrowser
        .post(members())
        .send({ email: 'New.Person@Example.com', role: 'editor', password: TEST_PASSWORD })
        .expect(201);
      const added = addMemberResponseSchema.parse(response.body);
      expect(added).toMatchObject({
        accountCreated: true,
        invitation: null,
        member: { email: 'new.person@example.com', displayName: 'new.person', role: 'editor' },
      });
      const me = meResponseSchema.parse(
        (
          await browser(testApp)
            .post('/api/auth/sign-in')
            .send({ email: 'new.person@example.com', password: TEST_PASSWORD })
            .expect(200)
        ).body,
      );
      expect(me.workspaces).toEqual([{ ...workspace, role: 'editor' }]);
    });

    it('adds an existing account as it is, never touching its password', async () => {
      const existing = await createUser(testApp);
      const [before] = await testApp.dataSource.query(
        `SELECT password_hash FROM "user" WHERE id = $1`,
        [existing.id],
      );
      const response = await adminBrowser
        .post(members())
        .send({ email: existing.email, role: 'viewer', password: 'an admin-chosen password' })
        .expect(201);
      expect(addMemberResponseSchema.parse(response.body)).toMatchObject({
        accountCreated: false,
        member: { userId: existing.id, role: 'viewer' },
      });
      const [after] = await testApp.dataSource.query(
        `SELECT password_hash FROM "user" WHERE id = $1`,
        [existing.id],
      );
      expect(after.password_hash).toBe(before.password_hash);
    });

    it('refuses to add a member twice', async () => {
      const member = await createMember(testApp, workspace, 'viewer');
      const response = await adminBrowser
        .post(members())
        .send({ email: member.email, role: 'editor', invite: true })
        .expect(409);
      expect(problemSchema.parse(response.body).type).toMatch(/member-exists$/);
    });

    it('wants exactly one of an initial password and invite: true', async () => {
      for (const extra of [{}, { password: TEST_PASSWORD, invite: true }]) {
        const response = await adminBrowser
          .post(members())
          .send({ email: 'either@example.com', role: 'viewer', ...extra })
          .expect(400);
        expect(problemSchema.parse(response.body).errors?.[0]?.path).toBe('invite');
      }
      const short = await adminBrowser
        .post(members())
        .send({ email: 'short@example.com', role: 'viewer', password: 'too short' })
        .expect(400);
      expect(problemSchema.parse(short.body).errors?.[0]).toEqual({
        path: 'password',
        message: 'must be at least 12 characters',
      });
    });
  });

  describe('invitations', () => {
    const invite = async (email: string, role = 'editor') => {
      const response = await adminBrowser
        .post(members())
        .send({ email, role, invite: true })
        .expect(201);
      const { invitation, member } = addMemberResponseSchema.parse(response.body);
      expect(member).toBeNull();
      if (!invitation) throw new Error('no invitation returned');
      return invitation;
    };
    const tokenOf = (url: string) => url.replace(/^\/invite\//, '');
    const accept = (token: string, password = TEST_PASSWORD) =>
      browser(testApp)
        .post('/api/auth/accept-invite')
        .send({ token, displayName: 'Invited Person', password });

    it('gives a one-time link that creates the account, joins and signs in', async () => {
      const invitation = await invite('invited@example.com');
      expect(invitation.url).toMatch(/^\/invite\/[\w-]{43}$/);
      const expiresInDays = (Date.parse(invitation.expiresAt) - Date.now()) / 86_400_000;
      expect(expiresInDays).toBeGreaterThan(6.9);
      expect(expiresInDays).toBeLessThanOrEqual(7);
      const [stored] = await testApp.dataSource.query(
        `SELECT token_hash FROM invitation WHERE id = $1`,
        [invitation.id],
      );
      expect(stored.token_hash).toBe(hashSecret(tokenOf(invitation.url)));

      const accepted = await accept(tokenOf(invitation.url)).expect(200);
      expect(accepted.headers['set-cookie']?.[0]).toMatch(/^bearing_session=/);
      const me = meResponseSchema.parse(accepted.body);
      expect(me.user).toMatchObject({
        email: 'invited@example.com',
        displayName: 'Invited Person',
      });
      expect(me.workspaces).toEqual([{ ...workspace, role: 'editor' }]);

      await accept(tokenOf(invitation.url)).expect(404);
    });

    it('stops an older link working when the person is invited again', async () => {
      const first = await invite('twice@example.com');
      const second = await invite('twice@example.com', 'viewer');
      await accept(tokenOf(first.url)).expect(404);
      const me = meResponseSchema.parse((await accept(tokenOf(second.url)).expect(200)).body);
      expect(me.workspaces[0]?.role).toBe('viewer');
    });

    it('refuses an expired link', async () => {
      const invitation = await invite('late@example.com');
      await testApp.dataSource.query(
        `UPDATE invitation SET expires_at = now() - interval '1 second' WHERE id = $1`,
        [invitation.id],
      );
      await accept(tokenOf(invitation.url)).expect(404);
    });

    it('refuses a link whose email has an account by now, without signing into it', async () => {
      const invitation = await invite('raced@example.com');
      await createUser(testApp, { email: 'raced@example.com' });
      const response = await accept(tokenOf(invitation.url)).expect(409);
      expect(response.headers['set-cookie']).toBeUndefined();
    });

    it('refuses a weak password without using up the link', async () => {
      const invitation = await invite('weak@example.com');
      await accept(tokenOf(invitation.url), 'short').expect(400);
      await accept(tokenOf(invitation.url)).expect(200);
    });
  });

  describe('changing roles and removing', () => {
    it('changes a role when the version is current, and refuses a stale one with 409', async () => {
      const member = await createMember(testApp, workspace, 'viewer');
      const changed = memberSchema.parse(
        (
          await adminBrowser
            .patch(`${members()}/${member.id}`)
            .send({ role: 'editor', version: 1 })
            .expect(200)
        ).body,
      );
      expect(changed).toMatchObject({ role: 'editor', version: 2 });
      const stale = await adminBrowser
        .patch(`${members()}/${member.id}`)
        .send({ role: 'admin', version: 1 })
        .expect(409);
      expect(problemSchema.parse(stale.body).type).toMatch(/stale-version$/);
      const [row] = await testApp.dataSource.query(
        `SELECT role FROM membership WHERE workspace_id = $1 AND user_id = $2`,
        [workspace.id, member.id],
      );
      expect(row.role).toBe('editor');
    });

    it('never demotes or removes the last admin', async () => {
      const solo = await createUser(testApp);
      const soloWorkspace = await createWorkspace(testApp, solo);
      const soloBrowser = await signIn(testApp, solo);
      const url = `/api/workspaces/${soloWorkspace.slug}/members/${solo.id}`;
      const demoted = await soloBrowser.patch(url).send({ role: 'editor', version: 1 }).expect(409);
      expect(problemSchema.parse(demoted.body)).toMatchObject({
        type: 'https://bearing.dev/problems/last-admin',
        detail: expect.stringContaining('last admin'),
      });
      await soloBrowser.delete(url).expect(409);

      const second = await createMember(testApp, soloWorkspace, 'admin');
      await soloBrowser.patch(url).send({ role: 'editor', version: 1 }).expect(200);
      await (
        await signIn(testApp, second)
      )
        .delete(`/api/workspaces/${soloWorkspace.slug}/members/${second.id}`)
        .expect(409);
    });

    it('removes a member, whose access and tokens here end at once', async () => {
      const member = await createMember(testApp, workspace, 'editor');
      const token = await createToken(testApp, member, workspace, 'read');
      const memberBrowser = await signIn(testApp, member);
      await memberBrowser.get(members()).expect(200);

      await adminBrowser.delete(`${members()}/${member.id}`).expect(204);
      await memberBrowser.get(members()).expect(404);
      await testApp.http.get(members()).set('Authorization', `Bearer ${token.secret}`).expect(401);
      await adminBrowser.delete(`${members()}/${member.id}`).expect(404);
    });

    it('answers 404 for someone who is not a member', async () => {
      const outsider = await createUser(testApp);
      await adminBrowser
        .patch(`${members()}/${outsider.id}`)
        .send({ role: 'editor', version: 1 })
        .expect(404);
      await adminBrowser
        .patch(`${members()}/not-a-uuid`)
        .send({ role: 'editor', version: 1 })
        .expect(400);
    });
  });
});
