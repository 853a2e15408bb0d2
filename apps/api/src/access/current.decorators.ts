import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { actorOf, callerOf, workspaceContextOf } from './caller.js';

const requestOf = (context: ExecutionContext) => context.switchToHttp().getRequest<Request>();

/** The authenticated caller (session or token). */
export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext) =>
  callerOf(requestOf(context)),
);

/** The authenticated user (for a token: its owner). */
export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext) => callerOf(requestOf(context)).user,
);

/**
 * The workspace from the path, with the caller's effective role. Services take its `id` and
 * filter every query by it: that is what keeps workspaces apart.
 */
export const CurrentWorkspace = createParamDecorator((_: unknown, context: ExecutionContext) =>
  workspaceContextOf(requestOf(context)),
);

/** Who is writing, for the audit log: user, token (if any) and request id. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext) =>
  actorOf(requestOf(context)),
);
