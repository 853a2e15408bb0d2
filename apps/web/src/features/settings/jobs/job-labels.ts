import type { Job, JobState } from '@bearing/contracts';
import type { StatusStyle } from '../../../components/status-badge';
import { formatDateTime } from '../../../components/format';

/** The job kinds the API runs, in words; a kind not listed here is shown as it is. */
export const JOB_KIND_LABELS: ReadonlyMap<string, string> = new Map([
  ['jira.import', 'Jira import'],
  ['housekeeping', 'Housekeeping'],
  ['scheduler.tick', 'Scheduler'],
]);

/** `jira.import` → "Jira import"; an unknown kind as sent. */
export function jobKindLabel(kind: string): string {
  return JOB_KIND_LABELS.get(kind) ?? kind;
}

/**
 * Each state in words, colour and shape: waiting is hollow, a failure a red square, a job taken
 * out of the queue a grey half (it ended without running to its end, and cannot be retried).
 */
export const JOB_STATE_STYLES: Readonly<Record<JobState, StatusStyle>> = {
  queued: { label: 'Queued', color: 'gray', shape: 'ring' },
  running: { label: 'Running', color: 'blue', shape: 'diamond' },
  completed: { label: 'Completed', color: 'teal', shape: 'circle' },
  failed: { label: 'Failed', color: 'red', shape: 'square' },
  cancelled: { label: 'Cancelled', color: 'gray', shape: 'half' },
};

/** A job named for people and screen readers: "Jira import of Dec 7, 2026, 10:00 AM". */
export function describeJob(job: Pick<Job, 'kind' | 'createdAt'>): string {
  return `${jobKindLabel(job.kind)} of ${formatDateTime(job.createdAt)}`;
}
