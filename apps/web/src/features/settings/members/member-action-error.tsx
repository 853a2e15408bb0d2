import { Alert, Button, Group, Text } from '@mantine/core';
import { ApiError } from '../../../api/api-error';
import { ErrorAlert } from '../../../components/error-alert';

export interface MemberActionErrorProps {
  error: unknown;
  /** Whose role change or removal failed. */
  memberName: string;
  onReload: () => void;
  onDismiss: () => void;
}

/**
 * Why a role change or removal was refused. A stale version means another admin changed the
 * member since this page loaded: nothing was saved, and reloading shows their change.
 */
export function MemberActionError({
  error,
  memberName,
  onReload,
  onDismiss,
}: MemberActionErrorProps) {
  if (error instanceof ApiError && error.kind === 'stale-version') {
    return (
      <Alert
        color="orange"
        title="Changed by someone else"
        role="alert"
        withCloseButton
        onClose={onDismiss}
      >
        <Group justify="space-between" gap="sm">
          <Text size="sm">
            {memberName} was changed by someone else since this page loaded, so your change was not
            saved. Reload to see the current role, then try again.
          </Text>
          <Button size="xs" variant="white" color="orange" onClick={onReload}>
            Reload members
          </Button>
        </Group>
      </Alert>
    );
  }
  if (error instanceof ApiError && error.kind === 'last-admin') {
    return (
      <Alert
        color="orange"
        title="The workspace needs an admin"
        role="alert"
        withCloseButton
        onClose={onDismiss}
      >
        <Text size="sm">{error.detail}</Text>
      </Alert>
    );
  }
  return <ErrorAlert title={`Could not change ${memberName}`} error={error} />;
}
