import {
  type CreateMetricRequest,
  type MetricCategory,
  metricPageSchema,
  metricSchema,
  seriesResponseSchema,
  type UpdateMetricRequest,
} from '@bearing/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAllPages, withQuery } from './all-pages';
import { apiGet, apiSend } from './client';
import { guardrailKeys } from './guardrails';
import { okrKeys } from './okrs';
import { portfolioKeys } from './portfolio';
import { workspaceKey } from './workspaces';

export interface SeriesRange {
  /** Inclusive bounds, days `YYYY-MM-DD`; left out = unbounded. */
  from?: string | undefined;
  to?: string | undefined;
}

export const metricKeys = {
  all: (workspace: string) => [...workspaceKey(workspace), 'metrics'] as const,
  list: (workspace: string, category: MetricCategory | undefined, archived: boolean) =>
    [...metricKeys.all(workspace), 'list', category ?? 'all', archived] as const,
  detail: (workspace: string, key: string) =>
    [...metricKeys.all(workspace), 'detail', key] as const,
  series: (workspace: string, key: string, range: SeriesRange) =>
    [...metricKeys.all(workspace), 'series', key, range] as const,
};

function metricsPath(workspace: string): string {
  return `/api/workspaces/${encodeURIComponent(workspace)}/metrics`;
}

/** `GET …/metrics?category=&archived=`, by key: those in use, or the archived ones. */
export function useMetrics(workspace: string, category?: MetricCategory, archived = false) {
  return useAllPages(
    metricKeys.list(workspace, category, archived),
    metricsPath(workspace),
    metricPageSchema,
    {
      category,
      archived: archived ? 'true' : undefined,
    },
  );
}

/** `GET …/metrics/:key`. */
export function useMetric(workspace: string, key: string) {
  return useQuery({
    queryKey: metricKeys.detail(workspace, key),
    queryFn: ({ signal }) =>
      apiGet(`${metricsPath(workspace)}/${encodeURIComponent(key)}`, metricSchema, { signal }),
  });
}

/**
 * `GET …/metrics/:key/series?from=&to=`: the points (bucketed when long) and their XmR analysis,
 * computed by the API. A new range keeps the previous chart on screen until it arrives.
 */
export function useMetricSeries(workspace: string, key: string, range: SeriesRange = {}) {
  return useQuery({
    queryKey: metricKeys.series(workspace, key, range),
    queryFn: ({ signal }) =>
      apiGet(
        withQuery(`${metricsPath(workspace)}/${encodeURIComponent(key)}/series`, {
          from: range.from,
          to: range.to,
        }),
        seriesResponseSchema,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

/** `POST …/metrics` (editor); a taken key is a 409. */
export function useCreateMetric(workspace: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateMetricRequest) =>
      apiSend('POST', metricsPath(workspace), request, metricSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: metricKeys.all(workspace) }),
  });
}

/**
 * `PATCH …/metrics/:key` (editor); a stale `version` is a 409. Its name, unit and direction show
 * on guardrails, KPI tiles and key results, and a new direction re-evaluates its guardrails, so
 * all of those are fetched again.
 */
export function useUpdateMetric(workspace: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, ...request }: UpdateMetricRequest & { key: string }) =>
      apiSend(
        'PATCH',
        `${metricsPath(workspace)}/${encodeURIComponent(key)}`,
        request,
        metricSchema,
      ),
    onSuccess: (metric) => {
      queryClient.setQueryData(metricKeys.detail(workspace, metric.key), metric);
      return Promise.all(
        [metricKeys.all, guardrailKeys.all, portfolioKeys.all, okrKeys.all].map((keyOf) =>
          queryClient.invalidateQueries({ queryKey: keyOf(workspace) }),
        ),
      );
    },
  });
}
