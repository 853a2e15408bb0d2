import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Revokes the pending invitations whose inviter is no longer an active admin of the workspace.
 * Until now such invitations were only hidden (and refused) while their inviter was not an
 * admin, and came back if the person was made an admin again; from now on they are revoked when
 * the role ends (`revokeInvitationsOfFormerAdmin`). This does the same for those hidden before,
 * with the same audit event, so none can come back. Accepted and expired ones stay as they are.
 */
export class RevokeInvitationsOfFormerAdmins1765993800000 implements MigrationInterface {
  name = 'RevokeInvitationsOfFormerAdmins1765993800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `WITH "revoked" AS (
         DELETE FROM "invitation"
          WHERE "accepted_at" IS NULL AND "expires_at" > now()
            AND NOT EXISTS (
              SELECT 1 FROM "membership" JOIN "user" ON "user"."id" = "membership"."user_id"
               WHERE "membership"."workspace_id" = "invitation"."workspace_id"
                 AND "membership"."user_id" = "invitation"."invited_by_user_id"
                 AND "membership"."role" = 'admin' AND "user"."disabled_at" IS NULL)
         RETURNING "id", "workspace_id", "email", "role", "invited_by_user_id")
       INSERT INTO "audit_event" ("workspace_id", "action", "target_type", "target_id", "details")
       SELECT "revoked"."workspace_id", 'invitation.revoked', 'invitation', "revoked"."id",
              jsonb_build_object('email', "revoked"."email", 'role', "revoked"."role",
                                 'reason', 'inviter-not-admin', 'invitedBy', "inviter"."email")
         FROM "revoked" JOIN "user" "inviter" ON "inviter"."id" = "revoked"."invited_by_user_id"`,
    );
  }

  async down(): Promise<void> {
    // Revoked invitations are gone, as any revoked one; there is nothing to restore.
  }
}
