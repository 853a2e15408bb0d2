import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import {
  addMemberResponseSchema,
  memberPageSchema,
  memberSchema,
  meResponseSchema,
  myInvitationListSchema,
  problemSchema,
  workspaceInvitationListSchema,
  workspaceSchema,
} from '@bearing/contracts';
import { makeInstanceAdmin } from '../src/accounts/user-admin.repository.js';
import { ClockService } from '../src/common/clock/clock.service.js';
import { hashSecret } from '../src/common/secrets/secret-token.js';
import {
  addMember,
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
  const invitations = () => `/api/workspaces/${workspace.slug}/invitations`;

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
    const addAs = (agent: Browser, body: object) => agent.post(members()).send(body);

    it('answers byte for byte the same whether the email has an account or not', async () => {
      const clock = jest.spyOn(testApp.app.get(ClockService), 'now');
      clock.mockReturnValue(new Date('2026-03-02T09:00:00.000Z'));
      try {
        const known = await createUser(testApp, { email: 'known-person@example.com' });
        const answers: { status: number; type: unknown; body: string }[] = [];
        for (const email of [known.email, 'unknown-person@example.com']) {
          const response = await addAs(adminBrowser, { email, role: 'viewer' }).expect(201);
          answers.push({
            status: response.status,
            type: response.headers['content-type'],
            body: response.text,
          });
        }
        // Only the generated parts differ: the invitation's id, its link's secret and the email.
        const general = ({ body, ...rest }: (typeof answers)[number]) => ({
          ...rest,
          body: body
            .replace(/"id":"[0-9a-f-]{36}"/, '"id":"<id>"')
            .replace(/\/invite\/[\w-]{43}/, '/invite/<secret>')
            .replace(/"email":"[^"]+"/, '"email":"<email>"'),
        });
        expect(general(answers[0]!)).toEqual(general(answers[1]!));
        expect(JSON.parse(answers[0]!.body)).toEqual({
          invitation: {
            id: expect.any(String),
            email: known.email,
            role: 'viewer',
            url: expect.stringMatching(/^\/invite\//),
            expiresAt: '2026-03-09T09:00:00.000Z',
          },
        });
      } finally {
        clock.mockRestore();
      }
    });

    it('does not add an existing account until its owner accepts', async () => {
      const existing = await createUser(testApp);
      await addAs(adminBrowser, { email: existing.email, role: 'editor' }).expect(201);
      const [row] = await testApp.dataSource.query(
        `SELECT count(*)::int AS count FROM membership WHERE workspace_id = $1 AND user_id = $2`,
        [workspace.id, existing.id],
      );
      expect(row.count).toBe(0);
    });

    it('refuses an initial password from a workspace admin who is not an instance admin', async () => {
      const response = await addAs(adminBrowser, {
        email: 'chosen-password@example.com',
        role: 'editor',
        password: TEST_PASSWORD,
      }).expect(403);
      expect(problemSchema.parse(response.body).detail).toMatch(/instance administrator/);
      const [row] = await testApp.dataSource.query(
        `SELECT count(*)::int AS count FROM "user" WHERE email = 'chosen-password@example.com'`,
      );
      expect(row.count).toBe(0);
    });

    describe('by an instance admin with an initial password', () => {
      let instanceAdminBrowser: Browser;
      beforeAll(async () => {
        const instanceAdmin = await createUser(testApp);
        await makeInstanceAdmin(testApp.dataSource.manager, instanceAdmin.id);
        await addMember(testApp, workspace, instanceAdmin, 'admin');
        instanceAdminBrowser = await signIn(testApp, instanceAdmin);
      });

      it('makes an account that must change the password, and invites it', async () => {
        const response = await addAs(instanceAdminBrowser, {
          email: 'New.Person@Example.com',
          role: 'editor',
          password: TEST_PASSWORD,
        }).expect(201);
        const { invitation } = addMemberResponseSchema.parse(response.body);
        expect(invitation).toMatchObject({ email: 'new.person@example.com', role: 'editor' });
        const signedIn = browser(testApp);
        const me = meResponseSchema.parse(
          (
            await signedIn
              .post('/api/auth/sign-in')
              .send({ email: 'new.person@example.com', password: TEST_PASSWORD })
              .expect(200)
          ).body,
        );
        expect(me.user).toMatchObject({ displayName: 'new.person', mustChangePassword: true });
        expect(me.workspaces).toEqual([]);
      });

      it('leaves an existing account and its password as they are', async () => {
        const existing = await createUser(testApp);
        const [before] = await testApp.dataSource.query(
          `SELECT password_hash FROM "user" WHERE id = $1`,
          [existing.id],
        );
        await addAs(instanceAdminBrowser, {
          email: existing.email,
          role: 'viewer',
          password: 'an admin-chosen password',
        }).expect(201);
        const [after] = await testApp.dataSource.query(
          `SELECT password_hash, must_change_password FROM "user" WHERE id = $1`,
          [existing.id],
        );
        expect(after).toEqual({ password_hash: before.password_hash, must_change_password: false });
      });
    });

    it('refuses to add a member twice', async () => {
      const member = await createMember(testApp, workspace, 'viewer');
      const response = await adminBrowser
        .post(members())
        .send({ email: member.email, role: 'editor', invite: true })
        .expect(409);
      expect(problemSchema.parse(response.body).type).toMatch(/member-exists$/);
    });

    it('refuses an initial password together with invite: true, and a short one', async () => {
      const both = await adminBrowser
        .post(members())
        .send({
          email: 'either@example.com',
          role: 'viewer',
          password: TEST_PASSWORD,
          invite: true,
        })
        .expect(400);
      expect(problemSchema.parse(both.body).errors?.[0]?.path).toBe('invite');
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

  describe('invitations to existing accounts', () => {
    const invite = async (email: string, role = 'editor') =>
      addMemberResponseSchema.parse(
        (await adminBrowser.post(members()).send({ email, role }).expect(201)).body,
      ).invitation;

    it('lists them to the invited person, who joins by accepting', async () => {
      const person = await createUser(testApp);
      const invitation = await invite(person.email, 'editor');
      const personBrowser = await signIn(testApp, person);
      const list = myInvitationListSchema.parse(
        (await personBrowser.get('/api/me/invitations').expect(200)).body,
      );
      expect(list.items).toEqual([
        {
          id: invitation.id,
          workspace: { slug: workspace.slug, name: workspace.name },
          role: 'editor',
          invitedBy: { displayName: admin.displayName },
          expiresAt: invitation.expiresAt,
        },
      ]);
      await personBrowser.get(members()).expect(404);
      const joined = workspaceSchema.parse(
        (await personBrowser.post(`/api/me/invitations/${invitation.id}/accept`).expect(200)).body,
      );
      expect(joined).toEqual({ ...workspace, role: 'editor' });
      await personBrowser.get(members()).expect(200);
      await personBrowser.post(`/api/me/invitations/${invitation.id}/accept`).expect(404);
      expect(
        myInvitationListSchema.parse((await personBrowser.get('/api/me/invitations')).body).items,
      ).toEqual([]);
    });

    it("refuses anyone else's invitation with 404, changing nothing", async () => {
      const person = await createUser(testApp);
      const invitation = await invite(person.email);
      const other = await signIn(testApp, await createUser(testApp));
      await other.post(`/api/me/invitations/${invitation.id}/accept`).expect(404);
      await other.delete(`/api/me/invitations/${invitation.id}`).expect(404);
      expect(
        myInvitationListSchema.parse((await other.get('/api/me/invitations')).body).items,
      ).toEqual([]);
      const [row] = await testApp.dataSource.query(
        `SELECT accepted_at FROM invitation WHERE id = $1`,
        [invitation.id],
      );
      expect(row).toEqual({ accepted_at: null });
    });

    it('lets the person decline, which the workspace log records', async () => {
      const person = await createUser(testApp);
      const invitation = await invite(person.email);
      const personBrowser = await signIn(testApp, person);
      await personBrowser.delete(`/api/me/invitations/${invitation.id}`).expect(204);
      await personBrowser.post(`/api/me/invitations/${invitation.id}/accept`).expect(404);
      const [event] = await testApp.dataSource.query(
        `SELECT actor_user_id, workspace_id FROM audit_event
          WHERE action = 'invitation.declined' AND target_id = $1`,
        [invitation.id],
      );
      expect(event).toEqual({ actor_user_id: person.id, workspace_id: workspace.id });
    });

    it('refuses an expired invitation', async () => {
      const person = await createUser(testApp);
      const invitation = await invite(person.email);
      await testApp.dataSource.query(
        `UPDATE invitation SET expires_at = now() - interval '1 second' WHERE id = $1`,
        [invitation.id],
      );
      await (
        await signIn(testApp, person)
      )
        .post(`/api/me/invitations/${invitation.id}/accept`)
        .expect(404);
    });
  });

  describe('invitations', () => {
    const invite = async (email: string, role = 'editor') => {
      const response = await adminBrowser
        .post(members())
        .send({ email, role, invite: true })
        .expect(201);
      return addMemberResponseSchema.parse(response.body).invitation;
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

    it('answers a link whose email has an account exactly as an unknown link, and the invitation waits in that account', async () => {
      const invitation = await invite('raced@example.com');
      const existing = await createUser(testApp, { email: 'raced@example.com' });
      const known = await accept(tokenOf(invitation.url)).expect(404);
      expect(known.headers['set-cookie']).toBeUndefined();
      const unknown = await accept('an-invite-token-nobody-was-given').expect(404);
      // Byte for byte the same, but for the request id every answer carries.
      const withoutRequestId = (text: string) => text.replace(/"requestId":"[^"]*"/, '');
      expect(withoutRequestId(known.text)).toBe(withoutRequestId(unknown.text));
      const mine = await (await signIn(testApp, existing)).get('/api/me/invitations').expect(200);
      const items = (mine.body as { items: { id: string }[] }).items;
      expect(items.map((item) => item.id)).toEqual([invitation.id]);
    });

    it('an admin lists and revokes a pending invitation; its link then answers like an unknown link', async () => {
      const existing = await createUser(testApp);
      const forNew = await invite('revoked-new@example.com', 'admin');
      const forExisting = await invite(existing.email, 'viewer');
      const listed = workspaceInvitationListSchema.parse(
        (await adminBrowser.get(invitations()).expect(200)).body,
      );
      expect(listed.items).toEqual(
        expect.arrayContaining([
          {
            id: forNew.id,
            email: 'revoked-new@example.com',
            role: 'admin',
            invitedBy: { userId: admin.id, displayName: admin.displayName },
            createdAt: expect.any(String),
            expiresAt: forNew.expiresAt,
          },
          expect.objectContaining({ id: forExisting.id, email: existing.email, role: 'viewer' }),
        ]),
      );
      const viewer = await signIn(testApp, await createMember(testApp, workspace, 'viewer'));
      await viewer.get(invitations()).expect(403);
      await viewer.delete(`${invitations()}/${forNew.id}`).expect(403);
      const otherAdmin = await createUser(testApp);
      const other = await createWorkspace(testApp, otherAdmin);
      await (
        await signIn(testApp, otherAdmin)
      )
        .delete(`/api/workspaces/${other.slug}/invitations/${forNew.id}`)
        .expect(404);

      await adminBrowser
        .delete(`${invitations()}/${forNew.id}`)
        .set('X-Request-Id', 'req-revoke-invitation')
        .expect(204);
      await adminBrowser.delete(`${invitations()}/${forExisting.id}`).expect(204);
      await adminBrowser.delete(`${invitations()}/${forNew.id}`).expect(404);
      const after = workspaceInvitationListSchema.parse(
        (await adminBrowser.get(invitations()).expect(200)).body,
      );
      expect(after.items.map((item) => item.id)).not.toContain(forNew.id);
      expect(after.items.map((item) => item.id)).not.toContain(forExisting.id);

      const revoked = await accept(tokenOf(forNew.url)).expect(404);
      const unknown = await accept('an-invite-token-nobody-was-given').expect(404);
      const withoutRequestId = (text: string) => text.replace(/"requestId":"[^"]*"/, '');
      expect(withoutRequestId(revoked.text)).toBe(withoutRequestId(unknown.text));
      const existingBrowser = await signIn(testApp, existing);
      expect(
        myInvitationListSchema.parse(
          (await existingBrowser.get('/api/me/invitations').expect(200)).body,
        ).items,
      ).toEqual([]);
      await existingBrowser.post(`/api/me/invitations/${forExisting.id}/accept`).expect(404);

      const [event] = await testApp.dataSource.query(
        `SELECT action, actor_user_id, workspace_id, target_id, details FROM audit_event
          WHERE request_id = 'req-revoke-invitation'`,
      );
      expect(event).toEqual({
        action: 'invitation.revoked',
        actor_user_id: admin.id,
        workspace_id: workspace.id,
        target_id: forNew.id,
        details: { email: 'revoked-new@example.com', role: 'admin' },
      });
    });

    describe('of an admin who stops being one', () => {
      const inviteAs = async (agent: Browser, email: string, role = 'editor', slug?: string) =>
        addMemberResponseSchema.parse(
          (
            await agent
              .post(slug === undefined ? members() : `/api/workspaces/${slug}/members`)
              .send({ email, role })
              .expect(201)
          ).body,
        ).invitation;
      const listedIds = async () =>
        workspaceInvitationListSchema
          .parse((await adminBrowser.get(invitations()).expect(200)).body)
          .items.map((item) => item.id);
      const storedIds = async (ids: string[]): Promise<string[]> =>
        (
          await testApp.dataSource.query<{ id: string }[]>(
            `SELECT id FROM invitation WHERE id = ANY($1)`,
            [ids],
          )
        ).map((row) => row.id);
      const revocations = async (requestId: string) =>
        testApp.dataSource.query<{ target_id: string }[]>(
          `SELECT action, actor_user_id, workspace_id, target_id, details FROM audit_event
            WHERE request_id = $1 AND action = 'invitation.revoked' ORDER BY target_id`,
          [requestId],
        );
      const withoutRequestId = (text: string) => text.replace(/"requestId":"[^"]*"/, '');

      it('a demoted admin’s pending invitations are revoked with the change, audited, answer as revoked ones, and stay revoked when they are promoted again', async () => {
        const demoted = await createMember(testApp, workspace, 'admin');
        const demotedBrowser = await signIn(testApp, demoted);
        const existing = await createUser(testApp);
        const link = await inviteAs(demotedBrowser, 'by-demoted@example.com', 'admin');
        const inApp = await inviteAs(demotedBrowser, existing.email, 'viewer');
        // Theirs elsewhere, where they stay an admin, and another admin's here, stay.
        const elsewhere = await createWorkspace(testApp, demoted);
        const theirsElsewhere = await inviteAs(
          demotedBrowser,
          'elsewhere@example.com',
          'editor',
          elsewhere.slug,
        );
        const others = await invite('by-the-other-admin@example.com');
        expect(await listedIds()).toEqual(expect.arrayContaining([link.id, inApp.id]));

        await adminBrowser
          .patch(`${members()}/${demoted.id}`)
          .set('X-Request-Id', 'req-demote-inviter')
          .send({ role: 'editor', version: 1 })
          .expect(200);

        expect(await storedIds([link.id, inApp.id, theirsElsewhere.id, others.id])).toEqual(
          expect.arrayContaining([theirsElsewhere.id, others.id]),
        );
        expect(await storedIds([link.id, inApp.id])).toEqual([]);
        expect(await revocations('req-demote-inviter')).toEqual(
          [
            {
              action: 'invitation.revoked',
              actor_user_id: admin.id,
              workspace_id: workspace.id,
              target_id: link.id,
              details: {
                email: 'by-demoted@example.com',
                role: 'admin',
                reason: 'inviter-demoted',
                invitedBy: demoted.email,
              },
            },
            {
              action: 'invitation.revoked',
              actor_user_id: admin.id,
              workspace_id: workspace.id,
              target_id: inApp.id,
              details: {
                email: existing.email,
                role: 'viewer',
                reason: 'inviter-demoted',
                invitedBy: demoted.email,
              },
            },
          ].sort((a, b) => a.target_id.localeCompare(b.target_id)),
        );

        // The link answers as a revoked one (and an unknown one) does; the in-app invitation is gone.
        const revoked = await accept(tokenOf(link.url)).expect(404);
        const unknown = await accept('an-invite-token-nobody-was-given').expect(404);
        expect(withoutRequestId(revoked.text)).toBe(withoutRequestId(unknown.text));
        expect(problemSchema.parse(revoked.body).detail).toMatch(
          /unknown, used already or expired/,
        );
        const existingBrowser = await signIn(testApp, existing);
        expect(
          myInvitationListSchema.parse(
            (await existingBrowser.get('/api/me/invitations').expect(200)).body,
          ).items,
        ).toEqual([]);
        await existingBrowser.post(`/api/me/invitations/${inApp.id}/accept`).expect(404);

        // Made an admin again: nothing comes back.
        await adminBrowser
          .patch(`${members()}/${demoted.id}`)
          .send({ role: 'admin', version: 2 })
          .expect(200);
        const listed = await listedIds();
        expect(listed).not.toContain(link.id);
        expect(listed).not.toContain(inApp.id);
        expect(listed).toContain(others.id);
        await accept(tokenOf(link.url)).expect(404);
        expect(
          myInvitationListSchema.parse(
            (await existingBrowser.get('/api/me/invitations').expect(200)).body,
          ).items,
        ).toEqual([]);
        // A viewer made an editor had no invitations to lose: no event.
        const viewer = await createMember(testApp, workspace, 'viewer');
        await adminBrowser
          .patch(`${members()}/${viewer.id}`)
          .set('X-Request-Id', 'req-promote-viewer')
          .send({ role: 'editor', version: 1 })
          .expect(200);
        expect(await revocations('req-promote-viewer')).toEqual([]);
      });

      it('a removed admin’s and a leaving admin’s pending invitations are revoked, saying why', async () => {
        const removed = await createMember(testApp, workspace, 'admin');
        const leaving = await createMember(testApp, workspace, 'admin');
        const leavingBrowser = await signIn(testApp, leaving);
        const byRemoved = await inviteAs(await signIn(testApp, removed), 'by-removed@example.com');
        const byLeaving = await inviteAs(leavingBrowser, 'by-leaving@example.com');

        await adminBrowser
          .delete(`${members()}/${removed.id}`)
          .set('X-Request-Id', 'req-remove-inviter')
          .expect(204);
        await leavingBrowser
          .delete(`${members()}/me`)
          .set('X-Request-Id', 'req-leave-inviter')
          .expect(204);

        expect(await storedIds([byRemoved.id, byLeaving.id])).toEqual([]);
        expect(await revocations('req-remove-inviter')).toEqual([
          expect.objectContaining({
            actor_user_id: admin.id,
            target_id: byRemoved.id,
            details: expect.objectContaining({ reason: 'inviter-removed' }),
          }),
        ]);
        expect(await revocations('req-leave-inviter')).toEqual([
          expect.objectContaining({
            actor_user_id: leaving.id,
            target_id: byLeaving.id,
            details: expect.objectContaining({ reason: 'inviter-left' }),
          }),
        ]);
        await accept(tokenOf(byRemoved.url)).expect(404);
        await accept(tokenOf(byLeaving.url)).expect(404);
      });

      it('a deactivated admin’s pending invitations are revoked in every workspace, and reactivating brings none back', async () => {
        const instanceAdmin = await createUser(testApp);
        await makeInstanceAdmin(testApp.dataSource.manager, instanceAdmin.id);
        const instanceAdminBrowser = await signIn(testApp, instanceAdmin);
        const deactivated = await createMember(testApp, workspace, 'admin');
        const deactivatedBrowser = await signIn(testApp, deactivated);
        const second = await createWorkspace(testApp, admin);
        await addMember(testApp, second, deactivated, 'admin');
        const here = await inviteAs(deactivatedBrowser, 'by-deactivated@example.com', 'viewer');
        const there = await inviteAs(
          deactivatedBrowser,
          'by-deactivated-there@example.com',
          'admin',
          second.slug,
        );

        await instanceAdminBrowser
          .patch(`/api/admin/users/${deactivated.id}`)
          .set('X-Request-Id', 'req-deactivate-inviter')
          .send({ active: false })
          .expect(200);

        expect(await storedIds([here.id, there.id])).toEqual([]);
        const events = await revocations('req-deactivate-inviter');
        expect(events).toHaveLength(2);
        expect(events).toEqual(
          expect.arrayContaining([
            {
              action: 'invitation.revoked',
              actor_user_id: instanceAdmin.id,
              workspace_id: workspace.id,
              target_id: here.id,
              details: {
                email: 'by-deactivated@example.com',
                role: 'viewer',
                reason: 'inviter-deactivated',
                invitedBy: deactivated.email,
              },
            },
            expect.objectContaining({
              workspace_id: second.id,
              target_id: there.id,
              details: expect.objectContaining({ reason: 'inviter-deactivated' }),
            }),
          ]),
        );
        const [deactivation] = await testApp.dataSource.query(
          `SELECT details FROM audit_event
            WHERE request_id = 'req-deactivate-inviter' AND action = 'account.deactivated'`,
        );
        expect(deactivation.details).toMatchObject({ invitationsRevoked: 2 });
        const revoked = await accept(tokenOf(here.url)).expect(404);
        const unknown = await accept('an-invite-token-nobody-was-given').expect(404);
        expect(withoutRequestId(revoked.text)).toBe(withoutRequestId(unknown.text));

        await instanceAdminBrowser
          .patch(`/api/admin/users/${deactivated.id}`)
          .send({ active: true })
          .expect(200);
        await accept(tokenOf(here.url)).expect(404);
        await accept(tokenOf(there.url)).expect(404);
        expect(await listedIds()).not.toContain(here.id);
      });

      it('an invitation sent while its admin is being demoted is refused, so none outlives the role', async () => {
        const demoted = await createMember(testApp, workspace, 'admin');
        const demotedBrowser = await signIn(testApp, demoted);
        // Members demotes them, as PATCH …/members does: the workspace locked, not committed yet.
        const runner = testApp.dataSource.createQueryRunner();
        await runner.connect();
        try {
          await runner.startTransaction();
          await runner.query(`SELECT 1 FROM workspace WHERE id = $1 FOR NO KEY UPDATE`, [
            workspace.id,
          ]);
          await runner.query(
            `UPDATE membership SET role = 'editor' WHERE workspace_id = $1 AND user_id = $2`,
            [workspace.id, demoted.id],
          );
          let done = false;
          const inviting = demotedBrowser
            .post(members())
            .send({ email: 'raced-invite@example.com', role: 'admin' })
            .then((response) => {
              done = true;
              return response;
            });
          const waiting = async () =>
            (
              await testApp.dataSource.query(
                `SELECT count(*)::int AS count
                   FROM pg_locks lock JOIN pg_stat_activity backend ON backend.pid = lock.pid
                  WHERE NOT lock.granted AND backend.datname = current_database()`,
              )
            )[0].count > 0;
          while (!done && !(await waiting()))
            await new Promise((resolve) => setTimeout(resolve, 20));
          await runner.commitTransaction();
          const refused = await inviting;
          expect(refused.status).toBe(403);
          expect(problemSchema.parse(refused.body).detail).toContain('no longer an admin');
        } finally {
          if (runner.isTransactionActive) await runner.rollbackTransaction();
          await runner.release();
        }
        const [row] = await testApp.dataSource.query(
          `SELECT count(*)::int AS count FROM invitation WHERE email = 'raced-invite@example.com'`,
        );
        expect(row.count).toBe(0);
      });
    });

    it('two invitations to one new email accepted at the same moment: one account, one 200 and one 404', async () => {
      const otherOwner = await createUser(testApp);
      const other = await createWorkspace(testApp, otherOwner);
      const email = 'both-at-once@example.com';
      const here = await invite(email, 'viewer');
      const there = addMemberResponseSchema.parse(
        (
          await (
            await signIn(testApp, otherOwner)
          )
            .post(`/api/workspaces/${other.slug}/members`)
            .send({ email, role: 'editor' })
            .expect(201)
        ).body,
      ).invitation;
      const answers = await Promise.all([accept(tokenOf(here.url)), accept(tokenOf(there.url))]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 404]);
      const refused = answers.find((answer) => answer.status === 404);
      expect(problemSchema.parse(refused?.body).detail).toMatch(/sign in/);
      const [row] = await testApp.dataSource.query(
        `SELECT count(*)::int AS count FROM "user" WHERE email = $1`,
        [email],
      );
      expect(row.count).toBe(1);
      // The other invitation waits in the new account.
      const signedIn = answers.find((answer) => answer.status === 200);
      const joined = meResponseSchema.parse(signedIn?.body).workspaces.map((w) => w.slug);
      expect(joined).toHaveLength(1);
      const waiting = joined[0] === workspace.slug ? there : here;
      const [open] = await testApp.dataSource.query(
        `SELECT accepted_at FROM invitation WHERE id = $1`,
        [waiting.id],
      );
      expect(open).toEqual({ accepted_at: null });
    });

    it('two invitations of one email sent at the same moment leave one working link', async () => {
      const email = 'sent-twice-at-once@example.com';
      const sent = await Promise.all([invite(email, 'viewer'), invite(email, 'editor')]);
      const [row] = await testApp.dataSource.query(
        `SELECT count(*)::int AS count FROM invitation
          WHERE workspace_id = $1 AND email = $2 AND accepted_at IS NULL`,
        [workspace.id, email],
      );
      expect(row.count).toBe(1);
      const statuses = (
        await Promise.all(sent.map((invitation) => accept(tokenOf(invitation.url))))
      ).map((answer) => answer.status);
      expect(statuses.sort()).toEqual([200, 404]);
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

    it('does not let the last active admin step down while the other admin is deactivated', async () => {
      const active = await createUser(testApp);
      const own = await createWorkspace(testApp, active);
      const departed = await createMember(testApp, own, 'admin');
      await testApp.dataSource.query(`UPDATE "user" SET disabled_at = now() WHERE id = $1`, [
        departed.id,
      ]);
      const activeBrowser = await signIn(testApp, active);
      const url = `/api/workspaces/${own.slug}/members/${active.id}`;
      const demoted = await activeBrowser
        .patch(url)
        .send({ role: 'editor', version: 1 })
        .expect(409);
      expect(problemSchema.parse(demoted.body)).toMatchObject({
        type: 'https://bearing.dev/problems/last-admin',
        detail: expect.stringContaining('active account'),
      });
      await activeBrowser.delete(url).expect(409);
      const [row] = await testApp.dataSource.query(
        `SELECT role FROM membership WHERE workspace_id = $1 AND user_id = $2`,
        [own.id, active.id],
      );
      expect(row).toEqual({ role: 'admin' });
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

    it('a viewer leaves the workspace; their tokens there are revoked; the last admin cannot leave', async () => {
      const viewer = await createMember(testApp, workspace, 'viewer');
      const token = await createToken(testApp, viewer, workspace, 'read');
      const viewerBrowser = await signIn(testApp, viewer);
      // The token cannot take its owner out, and the session stays a member meanwhile.
      await testApp.http
        .delete(`${members()}/me`)
        .set('Authorization', `Bearer ${token.secret}`)
        .expect(403);
      await viewerBrowser.delete(`${members()}/me`).set('X-Request-Id', 'req-leave').expect(204);
      await viewerBrowser.get(members()).expect(404);
      await testApp.http.get(members()).set('Authorization', `Bearer ${token.secret}`).expect(401);
      expect(
        meResponseSchema
          .parse((await viewerBrowser.get('/api/me').expect(200)).body)
          .workspaces.map((joined) => joined.slug),
      ).not.toContain(workspace.slug);
      const [event] = await testApp.dataSource.query(
        `SELECT action, actor_user_id, target_id, details FROM audit_event
          WHERE request_id = 'req-leave'`,
      );
      expect(event).toEqual({
        action: 'member.left',
        actor_user_id: viewer.id,
        target_id: viewer.id,
        details: { email: viewer.email, role: 'viewer', tokensRevoked: 1 },
      });

      const solo = await createUser(testApp);
      const soloWorkspace = await createWorkspace(testApp, solo);
      const soloBrowser = await signIn(testApp, solo);
      const refused = await soloBrowser
        .delete(`/api/workspaces/${soloWorkspace.slug}/members/me`)
        .expect(409);
      expect(problemSchema.parse(refused.body)).toMatchObject({
        type: 'https://bearing.dev/problems/last-admin',
        detail: expect.stringContaining('cannot leave'),
      });
      const second = await createMember(testApp, soloWorkspace, 'admin');
      await soloBrowser.delete(`/api/workspaces/${soloWorkspace.slug}/members/me`).expect(204);
      await (
        await signIn(testApp, second)
      )
        .get(`/api/workspaces/${soloWorkspace.slug}/members`)
        .expect(200);
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
