import {
  type CreateRaidItemRequest,
  raidItemDetailSchema,
  raidItemPageSchema,
  raidItemSchema,
  type UpdateRaidItemRequest,
} from '@bearing/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useAllPages } from './all-pages';
import { apiGet, apiSend } from './client';
import { programKeys, programPath, useInvalidatePrograms } from './programs';

/** `GET …/programs/:program/raid`, oldest first (the page filters and sorts). */
export function useRaidItems(workspace: string, programId: string) {
  return useAllPages(
    programKeys.part(workspace, programId, 'raid'),
    programPath(workspace, programId, 'raid'),
    raidItemPageSchema,
  );
}

/** `GET …/raid/:id`: the item with its whole history of changes. */
export function useRaidItem(workspace: string, programId: string, id: string | null) {
  return useQuery({
    queryKey: programKeys.part(workspace, programId, 'raid', id ?? ''),
    queryFn: ({ signal }) =>
      apiGet(
        programPath(workspace, programId, `raid/${encodeURIComponent(id ?? '')}`),
        raidItemDetailSchema,
        { signal },
      ),
    enabled: id !== null,
  });
}

/** `POST …/raid` (editor). */
export function useCreateRaidItem(workspace: string, programId: string) {
  const invalidate = useInvalidatePrograms(workspace);
  return useMutation({
    mutationFn: (request: CreateRaidItemRequest) =>
      apiSend('POST', programPath(workspace, programId, 'raid'), request, raidItemSchema),
    onSuccess: invalidate,
  });
}

/** `PATCH …/raid/:id` (editor); every change joins the item's history. */
export function useUpdateRaidItem(workspace: string, programId: string) {
  const invalidate = useInvalidatePrograms(workspace);
  return useMutation({
    mutationFn: ({ id, ...request }: UpdateRaidItemRequest & { id: string }) =>
      apiSend(
        'PATCH',
        programPath(workspace, programId, `raid/${encodeURIComponent(id)}`),
        request,
        raidItemDetailSchema,
      ),
    onSuccess: invalidate,
  });
}
