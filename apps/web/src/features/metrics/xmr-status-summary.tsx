import type { XmrStatus } from '@bearing/contracts';
import { Stack, Text } from '@mantine/core';
import { StatusBadge } from '../../components/status-badge';
import { xmrStatusDetail, xmrStatusStyle, xmrStatusWindow } from './xmr-status-words';

export interface XmrStatusSummaryProps {
  status: XmrStatus;
  unit: string;
  size?: 'xs' | 'sm';
}

/**
 * A metric's XmR status — signal or routine variation — and the window its limits come from.
 * Shape and words carry it as well as the colour.
 */
export function XmrStatusSummary({ status, unit, size = 'sm' }: XmrStatusSummaryProps) {
  const window = xmrStatusWindow(status);
  return (
    <Stack gap={2} align="flex-start">
      <StatusBadge
        status={xmrStatusStyle(status)}
        prefix="XmR:"
        size={size}
        title={xmrStatusDetail(status, unit)}
      />
      {window && (
        <Text size="xs" c="dimmed">
          {window}
        </Text>
      )}
    </Stack>
  );
}
