import type { JiraSource } from '@bearing/contracts';
import { Group, Text } from '@mantine/core';
import { StatusBadge, type StatusStyle } from '../../../components/status-badge';
import { syncFreshness, type SyncTone } from './sync-freshness';
import { useNow } from '../../../components/use-now';

const TONE_STYLES: Record<SyncTone, Omit<StatusStyle, 'label'>> = {
  ok: { color: 'green', shape: 'circle' },
  syncing: { color: 'blue', shape: 'diamond' },
  failing: { color: 'red', shape: 'triangle' },
  paused: { color: 'gray', shape: 'square' },
  never: { color: 'gray', shape: 'square' },
};

export interface SyncStatusProps {
  source: Pick<JiraSource, 'state' | 'enabled' | 'lastSyncAt' | 'lastError' | 'failingSince'> &
    Partial<Pick<JiraSource, 'retryAt'>>;
  size?: 'xs' | 'sm';
}

/** "Synced 4 min ago" or "Sync failing since … — why", as a badge with its reason beside it. */
export function SyncStatus({ source, size = 'sm' }: SyncStatusProps) {
  const now = useNow();
  const words = syncFreshness(source, now);
  return (
    <Group gap="xs" wrap="wrap" data-sync-status={words.tone}>
      <StatusBadge
        size={size}
        prefix="Jira sync:"
        status={{ label: words.label, ...TONE_STYLES[words.tone] }}
      />
      {words.detail && (
        <Text size="sm" c={words.tone === 'failing' ? 'red' : 'dimmed'}>
          {words.tone === 'failing' ? `— ${words.detail}` : `(${words.detail})`}
        </Text>
      )}
    </Group>
  );
}
