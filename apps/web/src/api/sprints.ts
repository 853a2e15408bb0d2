import {
  type CreateSprintRequest,
  type PutSprintAvailabilityRequest,
  sprintAvailabilitySchema,
  sprintPageSchema,
  sprintSchema,
  type UpdateSprintRequest,
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

function sprintsPath(workspace: string, team: string): string {
  return `${teamPath(workspace, team)}/sprints`;
}

function sprintPath(workspace: string, team: string, sprint: string): string {
  return `${sprintsPath(workspace, team)}/${encodeURIComponent(sprint)}`;
}

function availabilityPath(workspace: string, team: string, sprint: string): string {
  return `${sprintPath(workspace, team, sprint)}/availability`;
}

/** `GET …/teams/:team/sprints`: every sprint, latest start first, unplanned first. */
export function useSprints(workspace: string, team: string) {
  return useAllPages(
    sprintKeys.list(workspace, team),
    sprintsPath(workspace, team),
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

/**
 * `PUT …/sprints/:sprint/availability` (editor): replaces the sprint's availability; a stale
 * `version` is a 409 (someone else saved it since), which leaves the cache as it was.
 */
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

/**
 * After a sprint is created, changed or deleted: everything of the workspace's teams, as an
 * import does — the sprint list and the delivery read models, and the work items, whose sprint
 * membership a deletion removes.
 */
function useInvalidateSprints(workspace: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: teamKeys.all(workspace) });
}

/** `POST …/sprints` (editor): a sprint made by hand. */
export function useCreateSprint(workspace: string, team: string) {
  const invalidate = useInvalidateSprints(workspace);
  return useMutation({
    mutationFn: (request: CreateSprintRequest) =>
      apiSend('POST', sprintsPath(workspace, team), request, sprintSchema),
    onSuccess: invalidate,
  });
}

/** `PATCH …/sprints/:sprint` (editor): the fields sent change; a stale `version` is a 409. */
export function useUpdateSprint(workspace: string, team: string) {
  const invalidate = useInvalidateSprints(workspace);
  return useMutation({
    mutationFn: ({ id, ...request }: UpdateSprintRequest & { id: string }) =>
      apiSend('PATCH', sprintPath(workspace, team, id), request, sprintSchema),
    // A 409 leaves the list as the editor saw it: the form says so and offers a reload.
    onSuccess: invalidate,
  });
}

/** `DELETE …/sprints/:sprint` (editor): with its availability and the items' membership of it. */
export function useDeleteSprint(workspace: string, team: string) {
  const invalidate = useInvalidateSprints(workspace);
  return useMutation({
    mutationFn: (sprint: string) => apiSend('DELETE', sprintPath(workspace, team, sprint)),
    onSuccess: invalidate,
  });
}
