import {
  type CreateProgramRequest,
  programPageSchema,
  programSchema,
  teamPageSchema,
  type UpdateProgramRequest,
} from '@bearing/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAllPages } from './all-pages';
import { apiGet, apiSend } from './client';
import { workspaceKey } from './workspaces';

/**
 * Programs and everything hung under one (milestones, RAID, dependencies, reports). A program's
 * pieces feed its reports and a publish changes its health, so every write refreshes all of
 * `programKeys.all`.
 */
export const programKeys = {
  all: (workspace: string) => [...workspaceKey(workspace), 'programs'] as const,
  list: (workspace: string) => [...programKeys.all(workspace), 'list'] as const,
  one: (workspace: string, id: string) => [...programKeys.all(workspace), 'one', id] as const,
  part: (workspace: string, id: string, part: string, ...rest: string[]) =>
    [...programKeys.all(workspace), 'one', id, part, ...rest] as const,
  teams: (workspace: string) => [...workspaceKey(workspace), 'teams', 'options'] as const,
};

export function programsPath(workspace: string): string {
  return `/api/workspaces/${encodeURIComponent(workspace)}/programs`;
}

/** `…/programs/:id` plus an optional sub-path such as `milestones`. */
export function programPath(workspace: string, id: string, sub?: string): string {
  const path = `${programsPath(workspace)}/${encodeURIComponent(id)}`;
  return sub ? `${path}/${sub}` : path;
}

/** Refreshes every program query of the workspace (and the reviews overview built on them). */
export function useInvalidatePrograms(workspace: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: programKeys.all(workspace) }),
      queryClient.invalidateQueries({ queryKey: [...workspaceKey(workspace), 'reviews'] }),
    ]);
}

/** `GET …/programs`, oldest first. */
export function usePrograms(workspace: string) {
  return useAllPages(programKeys.list(workspace), programsPath(workspace), programPageSchema);
}

/** `GET …/programs/:id`. */
export function useProgram(workspace: string, id: string) {
  return useQuery({
    queryKey: programKeys.one(workspace, id),
    queryFn: ({ signal }) => apiGet(programPath(workspace, id), programSchema, { signal }),
  });
}

/**
 * `GET …/teams`: the teams a program can list. Kept here, next to the program form that picks
 * them, until the teams area has its own client hooks.
 */
export function useTeamOptions(workspace: string) {
  return useAllPages(
    programKeys.teams(workspace),
    `/api/workspaces/${encodeURIComponent(workspace)}/teams`,
    teamPageSchema,
  );
}

/** `POST …/programs` (editor). */
export function useCreateProgram(workspace: string) {
  const invalidate = useInvalidatePrograms(workspace);
  return useMutation({
    mutationFn: (request: CreateProgramRequest) =>
      apiSend('POST', programsPath(workspace), request, programSchema),
    onSuccess: invalidate,
  });
}

/** `PATCH …/programs/:id` (editor); a stale `version` is a 409. */
export function useUpdateProgram(workspace: string) {
  const invalidate = useInvalidatePrograms(workspace);
  return useMutation({
    mutationFn: ({ id, ...request }: UpdateProgramRequest & { id: string }) =>
      apiSend('PATCH', programPath(workspace, id), request, programSchema),
    onSuccess: invalidate,
  });
}
