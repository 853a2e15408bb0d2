import type { AddMemberResponse } from '@bearing/contracts';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { DateTime } from '../../../components/date-time';
import { SecretValue } from '../../../components/secret-value';
import { ROLE_LABELS } from '../../workspaces/roles';

export interface AddMemberResultProps {
  result: AddMemberResponse;
  onDone: () => void;
}

/**
 * The invitation adding someone made, with its link shown this once. The same words whether the
 * person has an account or not: the answer never says which.
 */
export function AddMemberResult({ result, onDone }: AddMemberResultProps) {
  const { invitation } = result;
  return (
    <Stack gap="md">
      <Text size="sm">
        <strong>{invitation.email}</strong> is invited as{' '}
        {ROLE_LABELS[invitation.role].toLowerCase()} and joins once they accept, until{' '}
        <DateTime value={invitation.expiresAt} />. Someone with a Bearing account finds the
        invitation when they sign in; anyone can also accept through this link, which works once.
      </Text>
      <SecretValue label="Invite link" value={`${window.location.origin}${invitation.url}`} />
      <Alert color="yellow" title="Shown only now" role="status">
        Bearing keeps only a fingerprint of the link and cannot show it again. If it gets lost, use
        Invite again under Pending invitations for a new link (the old one stops working).
      </Alert>
      <Group justify="flex-end">
        <Button onClick={onDone}>Done</Button>
      </Group>
    </Stack>
  );
}
