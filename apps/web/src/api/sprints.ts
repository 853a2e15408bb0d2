import {
  type PutSprintAvailabilityRequest,
  sprintAvailabilitySchema,
  sprintPageSchema,
} from '@bearing/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAllPages } from './all-pages';
import { apiGet, apiSend } from './client';
import { teamKeys, teamPath } from './teams';

/**
 * A team's sprints and each sprint's availability. Availability feeds the capacity plan, so a
 * save refreshes the delivery read models too (`deliveryKeys` lives under the same team key),
 * and whatever refreshes every team (an import) refreshes these as well.
 */
export const sprintKeys = {
  team: (workspace: string, team: string) =>
    [...teamKeys.all(workspace), 'delivery', team] as const,
  list: (workspace: string, team: string) =>
    [...sprintKeys.team(workspace, team), 'sprints'] as const,
  availability: (workspace: string, team: string, sprint: string) =>
    [...sprintKeys.team(workspace, team), 'availability', sprint] as const,
};

function availabilityPath(workspace: string, team: string, sprint: string): string {
  return `${teamPath(workspace, team)}/sprints/${encodeURIComponent(sprint)}/availability`;
}

/** `GET …/teams/:team/sprints`: every sprint, latest start first, unplanned first. */
export function useSprints(workspace: string, team: string) {
  return useAllPages(
    sprintKeys.list(workspace, team),
    `${teamPath(workspace, team)}/sprints`,
    sprintPageSchema,
  );
}

/** `GET …/sprints/:sprint/availability`: every member's allocation and days off. */
export function useSprintAvailability(workspace: string, team: string, sprint: string | null) {
  return useQuery({
    queryKey: sprintKeys.availability(workspace, team, sprint ?? ''),
    queryFn: ({ signal }) =>
      apiGet(availabilityPath(workspace, team, sprint ?? ''), sprintAvailabilitySchema, {
        signal,
      }),
    enabled: sprint !== null,
  });
}

/** `PUT …/sprints/:sprint/availability` (editor): replaces the sprint's availability. */
export function usePutSprintAvailability(workspace: string, team: string, sprint: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: PutSprintAvailabilityRequest) =>
      apiSend('PUT', availabilityPath(workspace, team, sprint), request, sprintAvailabilitySchema),
    onSuccess: (saved) => {
      queryClient.setQueryData(sprintKeys.availability(workspace, team, sprint), saved);
      return queryClient.invalidateQueries({ queryKey: sprintKeys.team(workspace, team) });
    },
  });
}
