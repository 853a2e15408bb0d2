import {
  HEALTH_TIMELINE_LIMIT_DEFAULT,
  healthTimelineSchema,
  PROBLEM_CONTENT_TYPE,
  problemSchema,
  type ReportAudience,
  statusReportPageSchema,
  statusReportSchema,
  type StatusReportState,
  type UpdateStatusReportRequest,
} from '@bearing/contracts';
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { withQuery } from './all-pages';
import { ApiError } from './api-error';
import { apiGet, apiSend } from './client';
import { pagedListOf } from './paged-list';
import { programKeys, programPath, useInvalidatePrograms } from './programs';

/** `…/programs/:program/reports[/:id…]`. */
function reportsPath(workspace: string, programId: string, sub?: string): string {
  return programPath(workspace, programId, sub ? `reports/${sub}` : 'reports');
}

/**
 * `GET …/reports?state=`, newest week first, `pageSize` at a time: the first page at once, older
 * ones on demand (`loadMore`) — a program's history grows every week.
 */
export function useStatusReports(
  workspace: string,
  programId: string,
  state: StatusReportState | undefined,
  pageSize: number,
) {
  const query = useInfiniteQuery({
    queryKey: programKeys.part(workspace, programId, 'reports', state ?? 'all', String(pageSize)),
    queryFn: ({ pageParam, signal }) =>
      apiGet(
        withQuery(reportsPath(workspace, programId), {
          state,
          limit: String(pageSize),
          cursor: pageParam,
        }),
        statusReportPageSchema,
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
  return pagedListOf(query);
}

/** `GET …/reports/:id`: the words and the frozen snapshot of numbers. */
export function useStatusReport(workspace: string, programId: string, id: string) {
  return useQuery({
    queryKey: programKeys.part(workspace, programId, 'report', id),
    queryFn: ({ signal }) =>
      apiGet(reportsPath(workspace, programId, encodeURIComponent(id)), statusReportSchema, {
        signal,
      }),
  });
}

/**
 * `GET …/programs/:program/health-timeline?limit=`: the health of the last `limit` published
 * reports, oldest first.
 */
export function useHealthTimeline(
  workspace: string,
  programId: string,
  limit = HEALTH_TIMELINE_LIMIT_DEFAULT,
) {
  return useQuery({
    queryKey: programKeys.part(workspace, programId, 'health-timeline', String(limit)),
    queryFn: ({ signal }) =>
      apiGet(
        withQuery(programPath(workspace, programId, 'health-timeline'), { limit: String(limit) }),
        healthTimelineSchema,
        { signal },
      ),
  });
}

/** The Markdown export's address, for "Download .md" links. */
export function reportMarkdownPath(
  workspace: string,
  programId: string,
  id: string,
  audience: ReportAudience,
): string {
  return withQuery(reportsPath(workspace, programId, `${encodeURIComponent(id)}.md`), {
    audience,
  });
}

/** `GET …/reports/:id.md?audience=`: the report as Markdown text, for one audience. */
export function useReportMarkdown(
  workspace: string,
  programId: string,
  id: string,
  audience: ReportAudience,
  version: number,
) {
  return useQuery({
    // The version is in the key so an edited draft's preview is never stale.
    queryKey: programKeys.part(workspace, programId, 'report', id, 'md', audience, String(version)),
    queryFn: ({ signal }) =>
      fetchText(reportMarkdownPath(workspace, programId, id, audience), signal),
  });
}

async function fetchText(path: string, signal: AbortSignal): Promise<string> {
  const response = await fetch(path, {
    headers: { Accept: `text/markdown, ${PROBLEM_CONTENT_TYPE}` },
    credentials: 'same-origin',
    signal,
  });
  if (!response.ok) {
    const parsed = problemSchema.safeParse(await response.json().catch(() => undefined));
    throw new ApiError(
      parsed.success
        ? parsed.data
        : { type: 'about:blank', title: response.statusText, status: response.status },
    );
  }
  return response.text();
}

/** `POST …/reports {week}` (editor): a draft generated from the data; 409 when the week has one. */
export function useCreateStatusReport(workspace: string, programId: string) {
  const invalidate = useInvalidatePrograms(workspace);
  return useMutation({
    mutationFn: (week: string) =>
      apiSend('POST', reportsPath(workspace, programId), { week }, statusReportSchema),
    onSuccess: invalidate,
  });
}

/** `PATCH …/reports/:id` (editor, drafts only); a stale version or a published report is a 409. */
export function useUpdateStatusReport(workspace: string, programId: string, id: string) {
  const invalidate = useInvalidatePrograms(workspace);
  return useMutation({
    mutationFn: (request: UpdateStatusReportRequest) =>
      apiSend(
        'PATCH',
        reportsPath(workspace, programId, encodeURIComponent(id)),
        request,
        statusReportSchema,
      ),
    onSuccess: invalidate,
  });
}

/** `POST …/reports/:id/regenerate` (editor): fresh numbers, the words kept. */
export function useRegenerateStatusReport(workspace: string, programId: string, id: string) {
  const invalidate = useInvalidatePrograms(workspace);
  return useMutation({
    mutationFn: (version: number) =>
      apiSend(
        'POST',
        reportsPath(workspace, programId, `${encodeURIComponent(id)}/regenerate`),
        { version },
        statusReportSchema,
      ),
    onSuccess: invalidate,
  });
}

/** `POST …/reports/:id/publish` (editor): freezes the report and sets the program's health. */
export function usePublishStatusReport(workspace: string, programId: string, id: string) {
  const invalidate = useInvalidatePrograms(workspace);
  return useMutation({
    mutationFn: (version: number) =>
      apiSend(
        'POST',
        reportsPath(workspace, programId, `${encodeURIComponent(id)}/publish`),
        { version },
        statusReportSchema,
      ),
    onSuccess: invalidate,
  });
}
