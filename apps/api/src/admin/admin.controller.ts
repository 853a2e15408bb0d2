import { Controller, Delete, Get, HttpCode, HttpStatus, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type AdminUser,
  type AdminUserListQuery,
  adminUserListQuerySchema,
  type AdminUserPage,
  adminUserPageSchema,
  adminUserSchema,
  type AuditEventPage,
  auditEventPageSchema,
  type InstanceSettings,
  instanceSettingsSchema,
  type JobListQuery,
  jobListQuerySchema,
  type JobPage,
  jobPageSchema,
  type PageQuery,
  pageQuerySchema,
  type RevokedSessions,
  revokedSessionsSchema,
  type UpdateAdminUserRequest,
  updateAdminUserRequestSchema,
  type UpdateInstanceSettingsRequest,
  updateInstanceSettingsRequestSchema,
} from '@bearing/contracts';
import { z } from 'zod';
import { Access } from '../access/access.decorator.js';
import type { Actor } from '../access/caller.js';
import { CurrentActor } from '../access/current.decorators.js';
import { AuditService } from '../audit/audit.service.js';
import { MfaEnrolmentService } from '../auth/mfa/mfa-enrolment.service.js';
import { Fails, Returns, ReturnsNothing } from '../common/openapi/openapi.decorators.js';
import { ZodBody, ZodParam, ZodQuery } from '../common/validation/zod.pipe.js';
import { JobsService } from '../jobs/jobs.service.js';
import { AdminSettingsService } from './admin-settings.service.js';
import { AdminUsersService } from './admin-users.service.js';

/**
 * Instance administration: every route needs an instance admin's browser session (others get
 * 403, API tokens too). Workspace contents are not here — an instance admin sees a workspace
 * only as one of its members.
 */
@ApiTags('admin')
@Controller('admin')
export class AdminController {
  constructor(
    private readonly settings: AdminSettingsService,
    private readonly users: AdminUsersService,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly mfa: MfaEnrolmentService,
  ) {}

  /** `instanceSettingsSchema`: who may create workspaces (default: instance admins). */
  @Get('settings')
  @Access('instance-admin')
  @Returns(instanceSettingsSchema)
  getSettings(): Promise<InstanceSettings> {
    return this.settings.get();
  }

  /** `updateInstanceSettingsRequestSchema` → `instanceSettingsSchema`; recorded in the log. */
  @Patch('settings')
  @Access('instance-admin')
  @Returns(instanceSettingsSchema)
  updateSettings(
    @CurrentActor() actor: Actor,
    @ZodBody(updateInstanceSettingsRequestSchema) body: UpdateInstanceSettingsRequest,
  ): Promise<InstanceSettings> {
    return this.settings.update(actor, body);
  }

  /** `adminUserListQuerySchema` → `adminUserPageSchema`: every account, by email. */
  @Get('users')
  @Access('instance-admin')
  @Returns(adminUserPageSchema)
  listUsers(@ZodQuery(adminUserListQuerySchema) query: AdminUserListQuery): Promise<AdminUserPage> {
    return this.users.list(query);
  }

  /**
   * `updateAdminUserRequestSchema` → `adminUserSchema`. `active: false` ends the account's
   * sessions and tokens at once; never yourself, never the last active instance admin.
   * `instanceAdmin` grants or takes away instance administration, never from the last one.
   */
  @Patch('users/:id')
  @Access('instance-admin')
  @Returns(adminUserSchema)
  @Fails(409, 'cannot-deactivate-self', 'last-instance-admin', 'last-workspace-admin')
  updateUser(
    @CurrentActor() actor: Actor,
    @ZodParam('id', z.uuid()) id: string,
    @ZodBody(updateAdminUserRequestSchema) body: UpdateAdminUserRequest,
  ): Promise<AdminUser> {
    return this.users.update(actor, id, body);
  }

  /**
   * → `revokedSessionsSchema`: signs the account out everywhere (its API tokens stay; deactivate
   * to end those too). Recorded in the instance audit log.
   */
  @Delete('users/:id/sessions')
  @Access('instance-admin')
  @Returns(revokedSessionsSchema)
  endSessions(
    @CurrentActor() actor: Actor,
    @ZodParam('id', z.uuid()) id: string,
  ): Promise<RevokedSessions> {
    return this.users.endSessions(actor, id);
  }

  /**
   * → 204: removes the account's second factor (authenticator and recovery codes) — for a lost
   * phone; they sign in with the password until they enrol again. Recorded in the audit log.
   */
  @Delete('users/:id/mfa')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Access('instance-admin')
  @ReturnsNothing('The account signs in with its password alone until it enrols again.')
  resetMfa(@CurrentActor() actor: Actor, @ZodParam('id', z.uuid()) id: string): Promise<void> {
    return this.mfa.resetByAdmin(actor, id);
  }

  /**
   * `pageQuerySchema` → `auditEventPageSchema`: the instance audit log — the events of no
   * workspace (sign-in and sign-out, account and settings changes), newest first.
   */
  @Get('audit-events')
  @Access('instance-admin')
  @Returns(auditEventPageSchema)
  listAuditEvents(@ZodQuery(pageQuerySchema) page: PageQuery): Promise<AuditEventPage> {
    return this.audit.list(null, page);
  }

  /**
   * `jobListQuerySchema` → `jobPageSchema`: the background jobs of no workspace (housekeeping,
   * scheduler ticks), newest first; each workspace's own jobs are in its settings.
   */
  @Get('jobs')
  @Access('instance-admin')
  @Returns(jobPageSchema)
  listJobs(@ZodQuery(jobListQuerySchema) query: JobListQuery): Promise<JobPage> {
    return this.jobs.list(null, query);
  }
}
