import {
  type CreateTeamMemberRequest,
  type CreateTeamRequest,
  type Team,
  teamMemberPageSchema,
  teamMemberSchema,
  teamPageSchema,
  teamSchema,
  type UpdateTeamMemberRequest,
  type UpdateTeamRequest,
} from '@bearing/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAllPages } from './all-pages';
import { apiGet, apiSend } from './client';
import { workspaceKey } from './workspaces';

export const teamKeys = {
  all: (workspace: string) => [...workspaceKey(workspace), 'teams'] as const,
  list: (workspace: string) => [...teamKeys.all(workspace), 'list'] as const,
  /** `ref` is the id or the slug, as the URL names the team. */
  detail: (workspace: string, ref: string) => [...teamKeys.all(workspace), 'detail', ref] as const,
  members: (workspace: string, teamId: string) =>
    [...teamKeys.all(workspace), 'members', teamId] as const,
};

export function teamsPath(workspace: string): string {
  return `/api/workspaces/${encodeURIComponent(workspace)}/teams`;
}

export function teamPath(workspace: string, team: string): string {
  return `${teamsPath(workspace)}/${encodeURIComponent(team)}`;
}

/** `GET …/teams`, by slug. */
export function useTeams(workspace: string) {
  return useAllPages(teamKeys.list(workspace), teamsPath(workspace), teamPageSchema);
}

/** `GET …/teams/:team` by id or slug. */
export function useTeam(workspace: string, ref: string) {
  return useQuery({
    queryKey: teamKeys.detail(workspace, ref),
    queryFn: ({ signal }) => apiGet(teamPath(workspace, ref), teamSchema, { signal }),
  });
}

/** `POST …/teams` (editor); a taken slug is a 409. */
export function useCreateTeam(workspace: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateTeamRequest) =>
      apiSend('POST', teamsPath(workspace), request, teamSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teamKeys.list(workspace) }),
  });
}

/**
 * `PATCH …/teams/:team` (editor) with the `version` the form started from; a stale one is a
 * 409. The answer (with the next version) replaces the cached team at once, so the next save
 * of another settings section carries the new version.
 */
export function useUpdateTeam(workspace: string, team: Team) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: UpdateTeamRequest) =>
      apiSend('PATCH', teamPath(workspace, team.id), request, teamSchema),
    onSuccess: (updated) => {
      queryClient.setQueryData(teamKeys.detail(workspace, updated.id), updated);
      queryClient.setQueryData(teamKeys.detail(workspace, updated.slug), updated);
      return queryClient.invalidateQueries({ queryKey: teamKeys.list(workspace) });
    },
  });
}

/**
 * `DELETE …/teams/:team` (admin): the team and everything recorded for it. Every query of the
 * workspace is marked stale (the portfolio, programs and queries named the team) without
 * refetching the open team page, which is left right after.
 */
export function useDeleteTeam(workspace: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (teamId: string) => apiSend('DELETE', teamPath(workspace, teamId)),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: workspaceKey(workspace), refetchType: 'none' }),
  });
}

/** `GET …/teams/:team/members`, by display name. */
export function useTeamMembers(workspace: string, teamId: string) {
  return useAllPages(
    teamKeys.members(workspace, teamId),
    `${teamPath(workspace, teamId)}/members`,
    teamMemberPageSchema,
  );
}

function useInvalidateMembers(workspace: string, teamId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: teamKeys.members(workspace, teamId) });
}

/** `POST …/teams/:team/members` (editor). */
export function useAddTeamMember(workspace: string, teamId: string) {
  const invalidate = useInvalidateMembers(workspace, teamId);
  return useMutation({
    mutationFn: (request: CreateTeamMemberRequest) =>
      apiSend('POST', `${teamPath(workspace, teamId)}/members`, request, teamMemberSchema),
    onSuccess: invalidate,
  });
}

/** `PATCH …/teams/:team/members/:member` (editor); a stale `version` is a 409. */
export function useUpdateTeamMember(workspace: string, teamId: string) {
  const invalidate = useInvalidateMembers(workspace, teamId);
  return useMutation({
    mutationFn: ({ id, ...request }: UpdateTeamMemberRequest & { id: string }) =>
      apiSend(
        'PATCH',
        `${teamPath(workspace, teamId)}/members/${encodeURIComponent(id)}`,
        request,
        teamMemberSchema,
      ),
    onSuccess: invalidate,
  });
}

/** `DELETE …/teams/:team/members/:member` (editor). */
export function useRemoveTeamMember(workspace: string, teamId: string) {
  const invalidate = useInvalidateMembers(workspace, teamId);
  return useMutation({
    mutationFn: (memberId: string) =>
      apiSend('DELETE', `${teamPath(workspace, teamId)}/members/${encodeURIComponent(memberId)}`),
    onSuccess: invalidate,
  });
}
