import { describe, expect, it } from '@jest/globals';
import { formatDateTime } from '../../../components/format';
import { syncFreshness } from './sync-freshness';

const NOW = new Date('2026-12-07T10:00:00Z');
const healthy = {
  state: 'ok' as const,
  enabled: true,
  lastSyncAt: '2026-12-07T09:56:00Z',
  lastError: null,
  failingSince: null,
};

describe('syncFreshness', () => {
  it('says how fresh a healthy source is', () => {
    expect(syncFreshness(healthy, NOW)).toEqual({
      tone: 'ok',
      label: 'Synced 4 min ago',
      detail: null,
    });
  });

  it('says since when and why syncs fail, before anything else', () => {
    const failing = {
      ...healthy,
      state: 'syncing' as const,
      failingSince: '2026-12-07T08:00:00Z',
      lastError: 'Jira answered 503 three times.',
    };
    expect(syncFreshness(failing, NOW)).toEqual({
      tone: 'failing',
      label: `Sync failing since ${formatDateTime('2026-12-07T08:00:00Z')}`,
      detail: 'Jira answered 503 three times.',
    });
  });

  it('says when a failing source is tried again', () => {
    const failing = {
      ...healthy,
      failingSince: '2026-12-07T08:00:00Z',
      retryAt: '2026-12-07T11:00:00Z',
      lastError: 'Jira answered 400: the JQL does not parse.',
    };
    expect(syncFreshness(failing, NOW).detail).toBe(
      `Jira answered 400: the JQL does not parse. Next try ${formatDateTime('2026-12-07T11:00:00Z')}, or when the source or its connection is saved.`,
    );
  });

  it('says a broken source is paused until it is saved again', () => {
    const broken = {
      ...healthy,
      state: 'broken' as const,
      failingSince: '2026-12-07T08:00:00Z',
      lastError: 'Jira refused the token (401).',
    };
    const words = syncFreshness(broken, NOW);
    expect(words.tone).toBe('failing');
    expect(words.detail).toBe(
      'Jira refused the token (401). Syncing is paused until the source or its connection is saved again.',
    );
  });

  it('tells a running, a paused and a never-synced source apart', () => {
    expect(syncFreshness({ ...healthy, state: 'syncing' }, NOW)).toEqual({
      tone: 'syncing',
      label: 'Syncing now',
      detail: 'last synced 4 min ago',
    });
    expect(syncFreshness({ ...healthy, enabled: false }, NOW).label).toBe('Sync paused');
    expect(syncFreshness({ ...healthy, lastSyncAt: null }, NOW)).toEqual({
      tone: 'never',
      label: 'Not synced yet',
      detail: null,
    });
  });
});
