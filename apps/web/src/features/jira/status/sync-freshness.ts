import type { JiraSource } from '@bearing/contracts';
import { formatDateTime } from '../../../components/format';
import { timeAgo } from '../../../components/time-ago';

export type SyncTone = 'ok' | 'syncing' | 'failing' | 'paused' | 'never';

/** A team's sync status in words: one line, and why when it is failing. */
export interface SyncFreshness {
  tone: SyncTone;
  label: string;
  /** The reason a sync is failing (Jira's answer in words), or what else to know. */
  detail: string | null;
}

type SourceStatus = Pick<
  JiraSource,
  'state' | 'enabled' | 'lastSyncAt' | 'lastError' | 'failingSince'
> &
  Partial<Pick<JiraSource, 'retryAt'>>;

/**
 * What a team page or the portfolio says about a source: failing wins (since when, why,
 * and when the schedule tries again), then a sync under way, a paused schedule, never synced,
 * and else how fresh the data is.
 */
export function syncFreshness(source: SourceStatus, now: Date): SyncFreshness {
  const last = source.lastSyncAt === null ? null : `last synced ${timeAgo(source.lastSyncAt, now)}`;
  if (source.state === 'broken' || source.failingSince !== null) {
    const since = source.failingSince ?? source.lastSyncAt;
    const reason = source.lastError ?? 'Jira refused the sync.';
    return {
      tone: 'failing',
      label: since === null ? 'Sync failing' : `Sync failing since ${formatDateTime(since)}`,
      detail:
        source.state === 'broken'
          ? `${reason} Syncing is paused until the source or its connection is saved again.`
          : source.retryAt
            ? `${reason} Next try ${formatDateTime(source.retryAt)}, or when the source or its connection is saved.`
            : reason,
    };
  }
  if (source.state === 'syncing') {
    return { tone: 'syncing', label: 'Syncing now', detail: last };
  }
  if (!source.enabled) {
    return { tone: 'paused', label: 'Sync paused', detail: last };
  }
  if (source.lastSyncAt === null) {
    return { tone: 'never', label: 'Not synced yet', detail: null };
  }
  return { tone: 'ok', label: `Synced ${timeAgo(source.lastSyncAt, now)}`, detail: null };
}
