import {
  type CreateGuardrailRequest,
  guardrailPageSchema,
  guardrailSchema,
  type UpdateGuardrailRequest,
} from '@bearing/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useAllPages } from './all-pages';
import { apiSend } from './client';
import { workspaceKey } from './workspaces';

export const guardrailKeys = {
  all: (workspace: string) => [...workspaceKey(workspace), 'guardrails'] as const,
  list: (workspace: string, metricKey: string | undefined) =>
    [...guardrailKeys.all(workspace), 'list', metricKey ?? 'all'] as const,
};

function guardrailsPath(workspace: string): string {
  return `/api/workspaces/${encodeURIComponent(workspace)}/guardrails`;
}

/** `GET …/guardrails?metric=`, oldest first, each with its latest changes of status. */
export function useGuardrails(workspace: string, metricKey?: string) {
  return useAllPages(
    guardrailKeys.list(workspace, metricKey),
    guardrailsPath(workspace),
    guardrailPageSchema,
    { metric: metricKey },
  );
}

function useInvalidateGuardrails(workspace: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: guardrailKeys.all(workspace) });
}

/** `POST …/guardrails` (editor). */
export function useCreateGuardrail(workspace: string) {
  const invalidate = useInvalidateGuardrails(workspace);
  return useMutation({
    mutationFn: (request: CreateGuardrailRequest) =>
      apiSend('POST', guardrailsPath(workspace), request, guardrailSchema),
    onSuccess: invalidate,
  });
}

/** `PATCH …/guardrails/:id` (editor); a status change the edit causes joins the history. */
export function useUpdateGuardrail(workspace: string) {
  const invalidate = useInvalidateGuardrails(workspace);
  return useMutation({
    mutationFn: ({ id, ...request }: UpdateGuardrailRequest & { id: string }) =>
      apiSend(
        'PATCH',
        `${guardrailsPath(workspace)}/${encodeURIComponent(id)}`,
        request,
        guardrailSchema,
      ),
    onSuccess: invalidate,
  });
}
