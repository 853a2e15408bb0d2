import { Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type PendingSsoLinkList, pendingSsoLinkListSchema } from '@bearing/contracts';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { Access } from '../../access/access.decorator.js';
import type { Actor } from '../../access/caller.js';
import { CurrentActor } from '../../access/current.decorators.js';
import { Fails, Returns, ReturnsNothing } from '../../common/openapi/openapi.decorators.js';
import { ProblemException } from '../../common/problem/problem.js';
import { ZodParam } from '../../common/validation/zod.pipe.js';
import { confirmPendingSsoLink } from './oidc-links.js';
import { pendingLinks } from './oidc.repository.js';

/**
 * Instance admins link an existing account to the single sign-on identity that asked for it —
 * for owners who cannot sign in with a password (password sign-in off, or forgotten).
 */
@ApiTags('admin')
@Controller('admin/sso-links')
export class OidcAdminController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Accounts whose single sign-on link waits for confirmation, oldest first. */
  @Get()
  @Access('instance-admin')
  @Returns(pendingSsoLinkListSchema)
  async list(): Promise<PendingSsoLinkList> {
    const links = await pendingLinks(this.dataSource.manager);
    return {
      items: links.map((link) => ({
        userId: link.userId,
        email: link.user?.email ?? '',
        displayName: link.user?.displayName ?? '',
        issuer: link.issuer,
        subject: link.subject,
        requestedAt: link.createdAt.toISOString(),
      })),
    };
  }

  /** Links the account to the identity waiting for it; the person can then sign in with SSO. */
  @Post(':id/confirm')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Access('instance-admin')
  @ReturnsNothing()
  @Fails(404, 'not-found')
  async confirm(
    @ZodParam('id', z.uuid()) userId: string,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    const linked = await this.dataSource.transaction((manager) =>
      confirmPendingSsoLink(manager, userId, {
        by: 'instance-admin',
        actorUserId: actor.userId,
        requestId: actor.requestId,
      }),
    );
    if (!linked) throw ProblemException.notFound('No single sign-on link waits for this account.');
  }
}
