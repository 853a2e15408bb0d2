import { type CreateWorkspaceRequest, workspaceSchema } from '@bearing/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sessionKey } from '../app/auth/session';
import { apiSend } from './client';

/** Every query of one workspace's data starts with this key. */
export const workspaceKey = (workspace: string) => ['workspaces', workspace] as const;

/** `POST /api/workspaces`: the caller becomes its admin; a taken slug is a 409. */
export function useCreateWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateWorkspaceRequest) =>
      apiSend('POST', '/api/workspaces', request, workspaceSchema),
    // The user's workspace list (and roles) come with the session.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
  });
}
