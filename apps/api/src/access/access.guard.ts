import {
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  Logger,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type WorkspaceRole, workspaceSlugSchema } from '@bearing/contracts';
import type { Request } from 'express';
import { ProblemException } from '../common/problem/problem.js';
import { Access, OpenBeforeMfaEnrolment, OpenBeforePasswordChange } from './access.decorator.js';
import { CallerResolver } from './caller-resolver.js';
import { type Caller, setCaller, setWorkspaceContext } from './caller.js';
import type { MfaRequirement } from '../config/config.js';
import { MFA_REQUIREMENT, mfaEnrolmentRequired } from './mfa-requirement.js';
import { hasAtLeast, TOKEN_SCOPE_CEILING, weakerOf } from './roles.js';
import { assertSameOrigin } from './same-origin.js';

/** The answer to a workspace slug that no workspace can have; the slug is not echoed back. */
export const NO_SUCH_WORKSPACE = 'There is no such workspace you are a member of.';

/**
 * The one global guard (APP_GUARD). Deny by default: a route without an `@Access` rule is
 * refused. Order matters for what a caller learns: who are you (401) → could a foreign site
 * have sent this (403) → may you see this workspace (404, so its existence is not revealed) →
 * is your role enough (403).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly callers: CallerResolver,
    @Inject(MFA_REQUIREMENT) private readonly requireMfa: MfaRequirement,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const rule = this.reflector.get(Access, context.getHandler());
    if (rule === undefined) {
      this.logger.error(`${request.method} ${request.path} has no @Access rule; refused.`);
      throw ProblemException.forbidden('This route declares no access rule, so it is closed.');
    }
    if (rule === 'public') {
      // Also guards sign-in, so no foreign page can sign a browser into another account.
      assertSameOrigin(request);
      return true;
    }
    if (rule === 'webhook') {
      // Another server calls it (no browser, so no Origin header). No cookie or token is read,
      // so a browser's credentials grant nothing here; the handler checks the path's secret.
      return true;
    }

    let slug: string | undefined;
    if (typeof rule === 'object') {
      const parameter = request.params.workspace;
      if (typeof parameter !== 'string') {
        throw new Error(`${request.path} names a workspace role but has no :workspace parameter`);
      }
      slug = parameter;
    }
    // A slug no workspace can have (NUL, a broken character, too long) is simply not found: it
    // never reaches the database, and is not echoed back. The caller, the workspace and the
    // membership are read together, in one statement.
    const validSlug =
      slug !== undefined && workspaceSlugSchema.safeParse(slug).success ? slug : null;
    const resolved = await this.callers.resolve(request, validSlug);
    if (!resolved) throw ProblemException.unauthorized();
    const { caller, membership } = resolved;
    assertSameOrigin(request);
    setCaller(request, caller);
    if (
      caller.kind === 'session' &&
      caller.passwordChangeRequired === true &&
      this.reflector.get(OpenBeforePasswordChange, context.getHandler()) !== true
    ) {
      throw ProblemException.passwordChangeRequired();
    }
    if (
      caller.kind === 'session' &&
      mfaEnrolmentRequired(this.requireMfa, {
        instanceAdmin: caller.user.instanceAdmin,
        mfaEnabled: caller.mfaEnabled === true,
      }) &&
      this.reflector.get(OpenBeforeMfaEnrolment, context.getHandler()) !== true
    ) {
      throw ProblemException.mfaEnrolmentRequired();
    }

    if (rule === 'signed-in' || rule === 'instance-admin') {
      if (caller.kind === 'token') {
        throw ProblemException.forbidden('API tokens only reach the routes of their workspace.');
      }
      if (rule === 'instance-admin' && !caller.user.instanceAdmin) {
        throw ProblemException.forbidden('Only an instance administrator may do this.');
      }
      return true;
    }

    if (validSlug === null) throw ProblemException.notFound(NO_SUCH_WORKSPACE);
    if (!membership || (caller.kind === 'token' && caller.workspaceId !== membership.id)) {
      throw ProblemException.notFound(`There is no workspace "${slug}" you are a member of.`);
    }
    const role = effectiveRole(caller, membership.role);
    if (!hasAtLeast(role, rule.workspaceRole)) {
      throw ProblemException.forbidden(
        `This needs the ${rule.workspaceRole} role in "${slug}"; you act as ${role} here.`,
      );
    }
    setWorkspaceContext(request, { ...membership, role });
    return true;
  }
}

/** A token acts with the weaker of its owner's current role and its scope's ceiling. */
function effectiveRole(caller: Caller, memberRole: WorkspaceRole): WorkspaceRole {
  return caller.kind === 'token'
    ? weakerOf(memberRole, TOKEN_SCOPE_CEILING[caller.scope])
    : memberRole;
}
