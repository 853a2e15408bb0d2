import { Button, Group, Text } from '@mantine/core';

export interface LoadMoreProps {
  shown: number;
  /** e.g. "event", "member": made plural as needed. */
  noun: string;
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  /** Also say how many there are once everything is shown (long lists such as the audit log). */
  showTotal?: boolean;
}

/** Below a paginated table: "Load more" while there are more rows, and how many are shown. */
export function LoadMore({ shown, noun, hasMore, loading, onLoadMore, showTotal }: LoadMoreProps) {
  if (!hasMore && !showTotal) return null;
  const counted = `${shown} ${noun}${shown === 1 ? '' : 's'}`;
  return (
    <Group justify="space-between" gap="sm">
      <Text size="sm" c="dimmed">
        {hasMore ? `Showing the first ${counted}.` : `${counted} in total.`}
      </Text>
      {hasMore && (
        <Button variant="default" onClick={onLoadMore} loading={loading}>
          Load more
        </Button>
      )}
    </Group>
  );
}
