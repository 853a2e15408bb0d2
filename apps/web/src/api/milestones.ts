import {
  type CreateMilestoneRequest,
  milestonePageSchema,
  milestoneSchema,
  type UpdateMilestoneRequest,
} from '@bearing/contracts';
import { useMutation } from '@tanstack/react-query';
import { useAllPages } from './all-pages';
import { apiSend } from './client';
import { programKeys, programPath, useInvalidatePrograms } from './programs';

/** `GET …/programs/:program/milestones`, by baseline date, each with its history of moves. */
export function useMilestones(workspace: string, programId: string) {
  return useAllPages(
    programKeys.part(workspace, programId, 'milestones'),
    programPath(workspace, programId, 'milestones'),
    milestonePageSchema,
  );
}

/** `POST …/milestones` (editor): a new milestone starts on its baseline. */
export function useCreateMilestone(workspace: string, programId: string) {
  const invalidate = useInvalidatePrograms(workspace);
  return useMutation({
    mutationFn: (request: CreateMilestoneRequest) =>
      apiSend('POST', programPath(workspace, programId, 'milestones'), request, milestoneSchema),
    onSuccess: invalidate,
  });
}

/**
 * `PATCH …/milestones/:id` (editor): a move of `currentDate` needs a `reason`; `completedAt` marks
 * it done (null re-opens it).
 */
export function useUpdateMilestone(workspace: string, programId: string) {
  const invalidate = useInvalidatePrograms(workspace);
  return useMutation({
    mutationFn: ({ id, ...request }: UpdateMilestoneRequest & { id: string }) =>
      apiSend(
        'PATCH',
        programPath(workspace, programId, `milestones/${encodeURIComponent(id)}`),
        request,
        milestoneSchema,
      ),
    onSuccess: invalidate,
  });
}

/** `DELETE …/milestones/:id` (editor): removes a milestone added by mistake, with its moves. */
export function useDeleteMilestone(workspace: string, programId: string) {
  const invalidate = useInvalidatePrograms(workspace);
  return useMutation({
    mutationFn: (id: string) =>
      apiSend('DELETE', programPath(workspace, programId, `milestones/${encodeURIComponent(id)}`)),
    onSuccess: invalidate,
  });
}
