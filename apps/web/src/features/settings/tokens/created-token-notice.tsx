import type { CreatedTokenResponse } from '@bearing/contracts';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { SecretValue } from '../../../components/secret-value';

export interface CreatedTokenNoticeProps {
  token: CreatedTokenResponse;
  onDone: () => void;
}

/** The new token's secret — the one time it exists outside the owner's script. */
export function CreatedTokenNotice({ token, onDone }: CreatedTokenNoticeProps) {
  return (
    <Alert color="yellow" title={`Copy your new token “${token.name}” now`} role="status">
      <Stack gap="sm">
        <Text size="sm">
          This is the only time Bearing shows it: only a fingerprint is stored, so it cannot be
          shown again. Keep it somewhere safe, like your CI&apos;s secret store, and send it as{' '}
          <code>Authorization: Bearer &lt;token&gt;</code>.
        </Text>
        <SecretValue label="New API token" value={token.token} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            I have copied it
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
