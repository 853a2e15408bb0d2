import type { Request } from 'express';
import type { TokenScope, WorkspaceRole } from '@bearing/contracts';

/** `instanceAdmin`: may use the instance-admin routes (never through an API token). */
export type CallerUser = { id: string; email: string; displayName: string; instanceAdmin: boolean };

/** Who is calling: a signed-in browser session, or an API token acting for its owner. */
export type Caller =
  | {
      kind: 'session';
      user: CallerUser;
      sessionId: string;
      /** Set while someone else's choice of password must be replaced (see the guard). */
      passwordChangeRequired?: boolean;
      /** The user signs in with a second factor (see `mfa-requirement.ts`). */
      mfaEnabled?: boolean;
    }
  | { kind: 'token'; user: CallerUser; tokenId: string; workspaceId: string; scope: TokenScope };

/** The workspace named in the path, as the access guard resolved it for this caller. */
export type WorkspaceContext = { id: string; slug: string; name: string; role: WorkspaceRole };

/** Who made a write, for the audit log. */
export type Actor = { userId: string; tokenId: string | null; requestId: string | null };

// Kept beside the request rather than on it, so nothing else can set them by accident and no
// global Express type needs widening.
const callers = new WeakMap<Request, Caller>();
const workspaces = new WeakMap<Request, WorkspaceContext>();

export function setCaller(request: Request, caller: Caller): void {
  callers.set(request, caller);
}

export function setWorkspaceContext(request: Request, workspace: WorkspaceContext): void {
  workspaces.set(request, workspace);
}

/** The caller; a route that asks for it without an access rule that authenticates is a bug. */
export function callerOf(request: Request): Caller {
  const caller = callers.get(request);
  if (!caller) throw new Error('No caller on this request: is the route public?');
  return caller;
}

export function workspaceContextOf(request: Request): WorkspaceContext {
  const workspace = workspaces.get(request);
  if (!workspace) throw new Error('No workspace on this request: does its rule name a role?');
  return workspace;
}

export function actorOf(request: Request): Actor {
  const caller = callerOf(request);
  return {
    userId: caller.user.id,
    tokenId: caller.kind === 'token' ? caller.tokenId : null,
    requestId: typeof request.id === 'string' ? request.id : null,
  };
}
