import {
  type CreateGuardrailRequest,
  guardrailPageSchema,
  guardrailSchema,
  type UpdateGuardrailRequest,
} from '@bearing/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useAllPages } from './all-pages';
import { apiSend } from './client';
import { portfolioKeys } from './portfolio';
import { programKeys } from './programs';
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

/**
 * `DELETE …/guardrails/:id` (editor): its history and program links go with it, and it leaves
 * the portfolio.
 */
export function useDeleteGuardrail(workspace: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiSend('DELETE', `${guardrailsPath(workspace)}/${encodeURIComponent(id)}`),
    onSuccess: () =>
      Promise.all(
        [guardrailKeys.all, portfolioKeys.all, programKeys.all].map((keyOf) =>
          queryClient.invalidateQueries({ queryKey: keyOf(workspace) }),
        ),
      ),
  });
}
