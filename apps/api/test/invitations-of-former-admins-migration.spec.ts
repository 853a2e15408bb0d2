import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addMemberResponseSchema } from '@bearing/contracts';
import { RevokeInvitationsOfFormerAdmins1765993800000 } from '../src/database/migrations/1765993800000-revoke-invitations-of-former-admins.js';
import {
  type Browser,
  createMember,
  createUser,
  createWorkspace,
  signIn,
  type TestUser,
  type TestWorkspace,
} from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Invitations made by an admin who lost the role before their revocation on role loss existed
 * were only hidden, and would come back if the person were made an admin again: the migration
 * revokes them, audited, and leaves the invitations of admins alone.
 */
describe('revoking the invitations of former admins made before their revocation existed', () => {
  let testApp: TestApp;
  let workspace: TestWorkspace;
  let admin: Browser;
  let former: TestUser;
  let formerBrowser: Browser;

  beforeAll(async () => {
    testApp = await createTestApp();
    const owner = await createUser(testApp);
    workspace = await createWorkspace(testApp, owner);
    admin = await signIn(testApp, owner);
    former = await createMember(testApp, workspace, 'admin');
    formerBrowser = await signIn(testApp, former);
  }, 60_000);
  afterAll(async () => {
    await testApp.close();
  });

  const invite = async (by: Browser, email: string) =>
    addMemberResponseSchema.parse(
      (
        await by
          .post(`/api/workspaces/${workspace.slug}/members`)
          .send({ email, role: 'editor' })
          .expect(201)
      ).body,
    ).invitation;
  const setRole = (role: string) =>
    testApp.dataSource.query(
      `UPDATE membership SET role = $1 WHERE workspace_id = $2 AND user_id = $3`,
      [role, workspace.id, former.id],
    );

  it('revokes those of an inviter who is no longer an admin, with an audit event, and keeps the rest', async () => {
    const kept = await invite(admin, 'kept@example.com');
    const hidden = await invite(formerBrowser, 'hidden@example.com');
    // Demoted as the database was before: the invitation stays, only hidden.
    await setRole('editor');

    const queryRunner = testApp.dataSource.createQueryRunner();
    try {
      await new RevokeInvitationsOfFormerAdmins1765993800000().up(queryRunner);
    } finally {
      await queryRunner.release();
    }

    const left: { id: string }[] = await testApp.dataSource.query(
      'SELECT id FROM invitation WHERE workspace_id = $1 ORDER BY email',
      [workspace.id],
    );
    expect(left.map(({ id }) => id)).toEqual([kept?.id]);
    const audited: { details: unknown }[] = await testApp.dataSource.query(
      `SELECT details FROM audit_event
        WHERE action = 'invitation.revoked' AND target_id = $1`,
      [hidden?.id],
    );
    expect(audited.map(({ details }) => details)).toEqual([
      {
        email: 'hidden@example.com',
        role: 'editor',
        reason: 'inviter-not-admin',
        invitedBy: former.email,
      },
    ]);
    // Made an admin again: nothing comes back.
    await setRole('admin');
    const listed = await admin.get(`/api/workspaces/${workspace.slug}/invitations`).expect(200);
    expect(JSON.stringify(listed.body)).not.toContain('hidden@example.com');
  });
});
