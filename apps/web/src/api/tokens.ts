import {
  apiTokenPageSchema,
  createdTokenResponseSchema,
  type CreateTokenRequest,
} from '@bearing/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from './client';
import { usePagedList } from './paged-list';
import { workspaceKey } from './workspaces';

const TOKENS_PAGE_SIZE = 100;

export const tokenKeys = {
  mine: ['me', 'tokens'] as const,
  workspace: (workspace: string) => [...workspaceKey(workspace), 'tokens'] as const,
};

function workspaceTokensPath(workspace: string): string {
  return `/api/workspaces/${encodeURIComponent(workspace)}/tokens`;
}

/** `GET /api/me/tokens`: the caller's unrevoked tokens in every workspace, newest first. */
export function useMyTokens() {
  return usePagedList(tokenKeys.mine, '/api/me/tokens', apiTokenPageSchema, TOKENS_PAGE_SIZE);
}

/** `GET /api/workspaces/:workspace/tokens` (admin): every member's tokens there. */
export function useWorkspaceTokens(workspace: string, enabled: boolean) {
  return usePagedList(
    tokenKeys.workspace(workspace),
    workspaceTokensPath(workspace),
    apiTokenPageSchema,
    TOKENS_PAGE_SIZE,
    enabled,
  );
}

/** After a token change: both lists, and the workspace's audit log. */
function useInvalidateTokens(workspace: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: tokenKeys.mine }),
      queryClient.invalidateQueries({ queryKey: workspaceKey(workspace) }),
    ]);
}

/** `POST /api/me/tokens`: the answer carries the secret, the only time it is ever sent. */
export function useCreateToken(workspace: string) {
  const invalidate = useInvalidateTokens(workspace);
  return useMutation({
    mutationFn: (request: CreateTokenRequest) =>
      apiSend('POST', '/api/me/tokens', request, createdTokenResponseSchema),
    onSuccess: invalidate,
  });
}

/** `DELETE /api/me/tokens/:id`, or as an admin `DELETE …/workspaces/:workspace/tokens/:id`. */
export function useRevokeToken(workspace: string, as: 'owner' | 'admin') {
  const invalidate = useInvalidateTokens(workspace);
  return useMutation({
    mutationFn: (tokenId: string) =>
      apiSend(
        'DELETE',
        `${as === 'owner' ? '/api/me/tokens' : workspaceTokensPath(workspace)}/${encodeURIComponent(tokenId)}`,
      ),
    onSuccess: invalidate,
  });
}
