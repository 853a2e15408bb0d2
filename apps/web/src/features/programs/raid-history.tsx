import { Stack, Text, Title } from '@mantine/core';
import { useRaidItem } from '../../api/raid';
import { ErrorAlert } from '../../components/error-alert';
import { formatDay } from '../../components/format';
import { LoadingRows } from '../../components/loading-rows';

/** A value from a change record, in words: missing ones as an em dash. */
function describeValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'string' || typeof value === 'number'
    ? String(value)
    : JSON.stringify(value);
}

/** Every change of a RAID item, oldest first: who changed what, from what to what. */
export function RaidHistory({
  workspace,
  programId,
  itemId,
}: {
  workspace: string;
  programId: string;
  itemId: string;
}) {
  const detail = useRaidItem(workspace, programId, itemId);
  return (
    <Stack gap={4} component="section" aria-labelledby="raid-history-title">
      <Title order={3} size="h5" id="raid-history-title">
        History
      </Title>
      {detail.isPending ? (
        <LoadingRows label="Loading the history" rows={2} height={20} />
      ) : detail.isError ? (
        <ErrorAlert title="The history could not be loaded" error={detail.error} />
      ) : (
        <Stack gap={4} component="ol" pl="md" m={0}>
          {detail.data.history.map((change) => (
            <Text component="li" size="sm" key={change.id}>
              {formatDay(change.changedAt)}, {change.author.displayName}:{' '}
              {change.action === 'created'
                ? 'created'
                : Object.entries(change.changes)
                    .map(
                      ([field, { from, to }]) =>
                        `${field} ${describeValue(from)} → ${describeValue(to)}`,
                    )
                    .join('; ')}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
