import { Alert, Button, Group, Text } from '@mantine/core';

/** A save refused with 409: someone changed the team since this form was filled from it. */
export function StaleTeamAlert({ onReload }: { onReload: () => void }) {
  return (
    <Alert color="yellow" title="Changed by someone else" role="alert">
      <Group justify="space-between" gap="sm">
        <Text size="sm">
          This team was changed by someone else since you opened it, so your changes were not saved.
          Reload to see theirs, then make yours again.
        </Text>
        <Button size="xs" variant="white" color="yellow" onClick={onReload}>
          Reload
        </Button>
      </Group>
    </Alert>
  );
}
