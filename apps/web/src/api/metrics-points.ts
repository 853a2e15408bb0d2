import {
  type MetricPoint,
  metricPointsDeletedSchema,
  metricPointsImportSchema,
} from '@bearing/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { withQuery } from './all-pages';
import { apiSend } from './client';
import { guardrailKeys } from './guardrails';
import { metricKeys } from './metrics';
import { okrKeys } from './okrs';
import { portfolioKeys } from './portfolio';

/** A points file to send as it is: the API reads and checks it again, line by line. */
export interface PointsFileUpload {
  file: Blob;
  format: 'csv' | 'json';
}

function pointsPath(workspace: string, key: string): string {
  return `/api/workspaces/${encodeURIComponent(workspace)}/metrics/${encodeURIComponent(key)}/points`;
}

/**
 * New values move the metric's latest value, series and signals, re-evaluate its guardrails, and
 * feed the portfolio's KPI tiles and any key result linked to it.
 */
function useInvalidateAfterPoints(workspace: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      [metricKeys.all, guardrailKeys.all, portfolioKeys.all, okrKeys.all].map((keyOf) =>
        queryClient.invalidateQueries({ queryKey: keyOf(workspace) }),
      ),
    );
}

/**
 * `POST …/metrics/:key/points` (editor) with one point, as JSON `[{ timestamp, value }]`; a 400
 * names its fields `0.timestamp` and `0.value`.
 */
export function useAddMetricPoint(workspace: string, key: string) {
  const invalidate = useInvalidateAfterPoints(workspace);
  return useMutation({
    mutationFn: (point: MetricPoint) =>
      apiSend('POST', pointsPath(workspace, key), [point], metricPointsImportSchema),
    onSuccess: invalidate,
  });
}

/**
 * `POST …/metrics/:key/points` (editor) with a file's bytes, as `text/csv` or `application/json`
 * by `format` — not the type the browser guessed: Windows calls a `.csv` file
 * `application/vnd.ms-excel`, which the API refuses (415). A 400 lists the problems by line
 * (`line.<n>[.<column>]`) or element (`<index>.<field>`), `truncated` after the first 100; more
 * than 200,000 rows or 20 MB is a 413. Nothing is stored unless the whole file is good.
 */
export function useUploadMetricPoints(workspace: string, key: string) {
  const invalidate = useInvalidateAfterPoints(workspace);
  return useMutation({
    mutationFn: ({ file, format }: PointsFileUpload) =>
      apiSend(
        'POST',
        pointsPath(workspace, key),
        new Blob([file], { type: format === 'csv' ? 'text/csv' : 'application/json' }),
        metricPointsImportSchema,
      ),
    onSuccess: invalidate,
  });
}

/**
 * `DELETE …/metrics/:key/points?timestamp=` (editor): removes the metric's value at that instant
 * (a wrong value pushed, or one at a wrong moment); its guardrails and signals are computed again.
 * Nothing there any more (removed meanwhile) is `deleted: 0`, not an error.
 */
export function useRemoveMetricPoint(workspace: string, key: string) {
  const invalidate = useInvalidateAfterPoints(workspace);
  return useMutation({
    mutationFn: (timestamp: string) =>
      apiSend(
        'DELETE',
        withQuery(pointsPath(workspace, key), { timestamp }),
        undefined,
        metricPointsDeletedSchema,
      ),
    onSuccess: invalidate,
  });
}
