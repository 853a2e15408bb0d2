import type { JiraConnection } from '@bearing/contracts';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { ApiError } from '../../../api/api-error';
import { ErrorAlert } from '../../../components/error-alert';

export interface DeleteConnectionModalProps {
  connection: JiraConnection | null;
  onConfirm: () => void;
  onClose: () => void;
  pending: boolean;
  error: unknown;
}

/**
 * Asks before deleting a connection, and explains the refusal when teams still sync through it:
 * the API keeps a connection in use (409) so no source is left pointing at nothing.
 */
export function DeleteConnectionModal({
  connection,
  onConfirm,
  onClose,
  pending,
  error,
}: DeleteConnectionModalProps) {
  const inUse = error instanceof ApiError && error.status === 409;
  return (
    <Modal opened={connection !== null} onClose={onClose} title="Delete connection" centered>
      <Stack gap="md">
        <Text size="sm">
          Delete <strong>{connection?.name}</strong>? Its stored token is deleted with it. Data
          already synced stays.
        </Text>
        {inUse ? (
          <Alert color="orange" title="Teams still sync through it" role="alert">
            <Stack gap={4}>
              <Text size="sm">{error.detail}</Text>
              <Text size="sm">
                A team&apos;s Source tab has both: the connection it syncs through, and “Stop
                syncing from Jira” next to “Sync now”.
              </Text>
            </Stack>
          </Alert>
        ) : (
          error !== null && error !== undefined && <ErrorAlert title="Not deleted" error={error} />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {inUse ? 'Close' : 'Cancel'}
          </Button>
          {!inUse && (
            <Button color="red" onClick={onConfirm} loading={pending}>
              Delete connection
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
