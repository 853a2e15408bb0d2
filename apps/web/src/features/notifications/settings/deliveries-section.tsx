import { deliveryStateSchema, type NotificationDelivery } from '@bearing/contracts';
import { Alert, Input, SegmentedControl, Stack, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { describeError } from '../../../api/api-error';
import {
  useNotificationChannels,
  useNotificationDeliveries,
  useRetryNotificationDelivery,
} from '../../../api/notifications';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadMore } from '../../settings/load-more';
import { SectionHeader } from '../../settings/section-header';
import { EmptyTable, TableSkeleton } from '../../settings/table-states';
import { DELIVERY_STATE_STYLES } from './channel-labels';
import { DeliveriesTable } from './deliveries-table';
import { useDeliveryStateFilter } from './use-delivery-state-filter';

const STATE_OPTIONS = [
  { value: '', label: 'All' },
  ...deliveryStateSchema.options.map((state) => ({
    value: state,
    label: DELIVERY_STATE_STYLES[state].label,
  })),
];

/**
 * Settings → Notifications, the delivery log: every (event, recipient, channel) with its state,
 * filtered by state; a dead or retrying delivery can be sent again.
 */
export function DeliveriesSection({ workspace }: { workspace: string }) {
  const { state, setState } = useDeliveryStateFilter();
  const deliveries = useNotificationDeliveries(workspace, state);
  const channels = useNotificationChannels(workspace);
  const retry = useRetryNotificationDelivery(workspace);
  const [outcome, setOutcome] = useState<{
    delivery: NotificationDelivery;
    error?: unknown;
  } | null>(null);
  const stateLabelId = useId();

  const onRetry = (delivery: NotificationDelivery) => {
    setOutcome(null);
    retry.mutate(delivery.id, {
      onSuccess: (queued) => setOutcome({ delivery: queued }),
      onError: (error) => setOutcome({ delivery, error }),
    });
  };

  return (
    <Stack gap="md">
      <SectionHeader
        title="Delivery log"
        description="Every message sent or attempted: one per event, person and channel. Failed webhooks and mail are retried with growing waits and given up (dead) after 24 hours."
      />
      <Stack gap={0}>
        <Input.Label labelElement="div" id={stateLabelId} size="xs">
          State
        </Input.Label>
        <SegmentedControl
          aria-labelledby={stateLabelId}
          size="xs"
          value={state ?? ''}
          onChange={(value) => setState(deliveryStateSchema.safeParse(value).data)}
          data={STATE_OPTIONS}
          style={{ alignSelf: 'flex-start' }}
        />
      </Stack>
      {outcome &&
        (outcome.error === undefined ? (
          <Alert
            color="teal"
            title={outcome.delivery.state === 'sent' ? 'Sent' : 'Retry queued'}
            role="status"
            withCloseButton
            closeButtonLabel="Dismiss"
            onClose={() => setOutcome(null)}
          >
            <Text size="sm">
              {outcome.delivery.state === 'sent'
                ? `${outcome.delivery.title}: delivered on this try.`
                : `${outcome.delivery.title}: ${outcome.delivery.lastError ?? 'waiting for its next try'}.`}
            </Text>
          </Alert>
        ) : (
          <Alert
            color="red"
            title="Could not retry"
            role="alert"
            withCloseButton
            closeButtonLabel="Dismiss"
            onClose={() => setOutcome(null)}
          >
            <Text size="sm">{describeError(outcome.error)}</Text>
          </Alert>
        ))}
      {deliveries.isPending ? (
        <TableSkeleton label="Loading deliveries" />
      ) : deliveries.isError ? (
        <ErrorAlert
          title="Deliveries could not be loaded"
          error={deliveries.error}
          onRetry={deliveries.refetch}
        />
      ) : deliveries.items.length === 0 ? (
        <EmptyTable>
          {state
            ? `No ${DELIVERY_STATE_STYLES[state].label.toLowerCase()} deliveries.`
            : 'Nothing delivered yet. Each notification sent to a person or a channel appears here.'}
        </EmptyTable>
      ) : (
        <>
          <DeliveriesTable
            deliveries={deliveries.items}
            channels={channels.data?.items ?? []}
            onRetry={onRetry}
            retrying={retry.isPending ? retry.variables : undefined}
          />
          <LoadMore
            shown={deliveries.items.length}
            noun="message"
            hasMore={deliveries.hasMore}
            loading={deliveries.isLoadingMore}
            onLoadMore={deliveries.loadMore}
          />
        </>
      )}
    </Stack>
  );
}
