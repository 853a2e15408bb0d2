import type { HealthReason } from '@bearing/contracts';
import { Box, Group, Stack, Text } from '@mantine/core';
import { StatusBadge } from '../../components/status-badge';
import { HEALTH_REASON_SEVERITY_STYLES } from './program-labels';

/**
 * The reasons behind a suggested health, each with whether it raised the health or is to watch.
 * `limit` keeps a compact view (a list row, a card) short and says how many more there are.
 */
export function HealthReasonList({
  reasons,
  limit,
  size = 'sm',
}: {
  reasons: readonly HealthReason[];
  limit?: number;
  size?: 'xs' | 'sm';
}) {
  const shown = limit === undefined ? reasons : reasons.slice(0, limit);
  const more = reasons.length - shown.length;
  return (
    <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {shown.map((reason, index) => (
        <Group key={index} component="li" gap="xs" wrap="nowrap" align="flex-start">
          <Box style={{ flexShrink: 0 }}>
            <StatusBadge status={HEALTH_REASON_SEVERITY_STYLES[reason.severity]} size="xs" />
          </Box>
          <Text size={size}>{reason.message}</Text>
        </Group>
      ))}
      {more > 0 && (
        <Text component="li" size="xs" c="dimmed">
          and {more} more
        </Text>
      )}
    </Stack>
  );
}
