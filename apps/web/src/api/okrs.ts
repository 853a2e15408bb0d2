import {
  checkInPageSchema,
  checkInSchema,
  type CreateCheckInRequest,
  type CreateKeyResultRequest,
  type CreateObjectiveRequest,
  type CreatePeriodRequest,
  keyResultPageSchema,
  keyResultSchema,
  objectivePageSchema,
  objectiveSchema,
  periodPageSchema,
  periodSchema,
  type UpdateKeyResultRequest,
  type UpdateObjectiveRequest,
  type UpdatePeriodRequest,
} from '@bearing/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAllPages } from './all-pages';
import { apiGet, apiSend } from './client';
import { workspaceKey } from './workspaces';

/**
 * Periods, objectives, key results and check-ins. Their numbers (progress, pace, score) depend
 * on one another, so every write refreshes everything under `okrKeys.all`.
 */
export const okrKeys = {
  all: (workspace: string) => [...workspaceKey(workspace), 'okrs'] as const,
  periods: (workspace: string) => [...okrKeys.all(workspace), 'periods'] as const,
  objectives: (workspace: string, filter: ObjectiveFilter) =>
    [...okrKeys.all(workspace), 'objectives', filter] as const,
  objective: (workspace: string, id: string) =>
    [...okrKeys.all(workspace), 'objective', id] as const,
  keyResults: (workspace: string, filter: KeyResultFilter) =>
    [...okrKeys.all(workspace), 'key-results', filter] as const,
  keyResult: (workspace: string, id: string) =>
    [...okrKeys.all(workspace), 'key-result', id] as const,
  checkIns: (workspace: string, keyResultId: string) =>
    [...okrKeys.all(workspace), 'check-ins', keyResultId] as const,
};

export interface ObjectiveFilter {
  period?: string | undefined;
  owner?: string | undefined;
}

export interface KeyResultFilter {
  period?: string | undefined;
  objective?: string | undefined;
}

function base(workspace: string): string {
  return `/api/workspaces/${encodeURIComponent(workspace)}`;
}

function useInvalidateOkrs(workspace: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: okrKeys.all(workspace) });
}

/** `GET …/periods`, latest start first. */
export function usePeriods(workspace: string) {
  return useAllPages(okrKeys.periods(workspace), `${base(workspace)}/periods`, periodPageSchema);
}

/** `GET …/objectives?period=&owner=`, oldest first. */
export function useObjectives(workspace: string, filter: ObjectiveFilter, enabled = true) {
  return useAllPages(
    okrKeys.objectives(workspace, filter),
    `${base(workspace)}/objectives`,
    objectivePageSchema,
    { period: filter.period, owner: filter.owner },
    enabled,
  );
}

/** `GET …/objectives/:id`. */
export function useObjective(workspace: string, id: string | null) {
  return useQuery({
    queryKey: okrKeys.objective(workspace, id ?? ''),
    queryFn: ({ signal }) =>
      apiGet(`${base(workspace)}/objectives/${encodeURIComponent(id ?? '')}`, objectiveSchema, {
        signal,
      }),
    enabled: id !== null,
  });
}

/** `GET …/key-results?period=&objective=`, oldest first. */
export function useKeyResults(workspace: string, filter: KeyResultFilter, enabled = true) {
  return useAllPages(
    okrKeys.keyResults(workspace, filter),
    `${base(workspace)}/key-results`,
    keyResultPageSchema,
    { period: filter.period, objective: filter.objective },
    enabled,
  );
}

/** `GET …/key-results/:id`. */
export function useKeyResult(workspace: string, id: string) {
  return useQuery({
    queryKey: okrKeys.keyResult(workspace, id),
    queryFn: ({ signal }) =>
      apiGet(`${base(workspace)}/key-results/${encodeURIComponent(id)}`, keyResultSchema, {
        signal,
      }),
  });
}

/** `GET …/key-results/:id/check-ins`: the whole history, latest date first. */
export function useCheckIns(workspace: string, keyResultId: string) {
  return useAllPages(
    okrKeys.checkIns(workspace, keyResultId),
    `${base(workspace)}/key-results/${encodeURIComponent(keyResultId)}/check-ins`,
    checkInPageSchema,
  );
}

/** `POST …/periods` (editor). */
export function useCreatePeriod(workspace: string) {
  const invalidate = useInvalidateOkrs(workspace);
  return useMutation({
    mutationFn: (request: CreatePeriodRequest) =>
      apiSend('POST', `${base(workspace)}/periods`, request, periodSchema),
    onSuccess: invalidate,
  });
}

/** `PATCH …/periods/:id` (editor); a stale `version` is a 409. */
export function useUpdatePeriod(workspace: string) {
  const invalidate = useInvalidateOkrs(workspace);
  return useMutation({
    mutationFn: ({ id, ...request }: UpdatePeriodRequest & { id: string }) =>
      apiSend(
        'PATCH',
        `${base(workspace)}/periods/${encodeURIComponent(id)}`,
        request,
        periodSchema,
      ),
    onSuccess: invalidate,
  });
}

/** `POST …/objectives` (editor). */
export function useCreateObjective(workspace: string) {
  const invalidate = useInvalidateOkrs(workspace);
  return useMutation({
    mutationFn: (request: CreateObjectiveRequest) =>
      apiSend('POST', `${base(workspace)}/objectives`, request, objectiveSchema),
    onSuccess: invalidate,
  });
}

/** `PATCH …/objectives/:id` (editor); a parent that would make a cycle is a 400 at `parentId`. */
export function useUpdateObjective(workspace: string) {
  const invalidate = useInvalidateOkrs(workspace);
  return useMutation({
    mutationFn: ({ id, ...request }: UpdateObjectiveRequest & { id: string }) =>
      apiSend(
        'PATCH',
        `${base(workspace)}/objectives/${encodeURIComponent(id)}`,
        request,
        objectiveSchema,
      ),
    onSuccess: invalidate,
  });
}

/** `POST …/key-results` (editor). */
export function useCreateKeyResult(workspace: string) {
  const invalidate = useInvalidateOkrs(workspace);
  return useMutation({
    mutationFn: (request: CreateKeyResultRequest) =>
      apiSend('POST', `${base(workspace)}/key-results`, request, keyResultSchema),
    onSuccess: invalidate,
  });
}

/** `PATCH …/key-results/:id` (editor). */
export function useUpdateKeyResult(workspace: string) {
  const invalidate = useInvalidateOkrs(workspace);
  return useMutation({
    mutationFn: ({ id, ...request }: UpdateKeyResultRequest & { id: string }) =>
      apiSend(
        'PATCH',
        `${base(workspace)}/key-results/${encodeURIComponent(id)}`,
        request,
        keyResultSchema,
      ),
    onSuccess: invalidate,
  });
}

/**
 * `DELETE …/key-results/:id` (editor): its check-ins go with it, and its objective's numbers
 * come from its other key results. The refresh is not waited for, so a page showing the deleted
 * key result can move on at once rather than show it missing.
 */
export function useDeleteKeyResult(workspace: string) {
  const invalidate = useInvalidateOkrs(workspace);
  return useMutation({
    mutationFn: (id: string) =>
      apiSend('DELETE', `${base(workspace)}/key-results/${encodeURIComponent(id)}`),
    onSuccess: () => {
      void invalidate();
    },
  });
}

/** `POST …/key-results/:id/check-ins` (editor): history only grows; a correction is a new one. */
export function useCreateCheckIn(workspace: string, keyResultId: string) {
  const invalidate = useInvalidateOkrs(workspace);
  return useMutation({
    mutationFn: (request: CreateCheckInRequest) =>
      apiSend(
        'POST',
        `${base(workspace)}/key-results/${encodeURIComponent(keyResultId)}/check-ins`,
        request,
        checkInSchema,
      ),
    onSuccess: invalidate,
  });
}
