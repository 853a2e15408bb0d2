import {
  type CreateProgramDependencyRequest,
  programDependencyPageSchema,
  programDependencySchema,
  type UpdateProgramDependencyRequest,
} from '@bearing/contracts';
import { useMutation } from '@tanstack/react-query';
import { useAllPages } from './all-pages';
import { apiSend } from './client';
import { programKeys, programPath, useInvalidatePrograms } from './programs';

/** `GET …/programs/:program/dependencies`, by need-by date; `overdue` comes computed. */
export function useProgramDependencies(workspace: string, programId: string) {
  return useAllPages(
    programKeys.part(workspace, programId, 'dependencies'),
    programPath(workspace, programId, 'dependencies'),
    programDependencyPageSchema,
  );
}

/** `POST …/dependencies` (editor). */
export function useCreateProgramDependency(workspace: string, programId: string) {
  const invalidate = useInvalidatePrograms(workspace);
  return useMutation({
    mutationFn: (request: CreateProgramDependencyRequest) =>
      apiSend(
        'POST',
        programPath(workspace, programId, 'dependencies'),
        request,
        programDependencySchema,
      ),
    onSuccess: invalidate,
  });
}

/** `PATCH …/dependencies/:id` (editor). */
export function useUpdateProgramDependency(workspace: string, programId: string) {
  const invalidate = useInvalidatePrograms(workspace);
  return useMutation({
    mutationFn: ({ id, ...request }: UpdateProgramDependencyRequest & { id: string }) =>
      apiSend(
        'PATCH',
        programPath(workspace, programId, `dependencies/${encodeURIComponent(id)}`),
        request,
        programDependencySchema,
      ),
    onSuccess: invalidate,
  });
}
