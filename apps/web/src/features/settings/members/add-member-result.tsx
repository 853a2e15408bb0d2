import type { AddMemberResponse } from '@bearing/contracts';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { DateTime } from '../../../components/date-time';
import { SecretValue } from '../../../components/secret-value';
import { ROLE_LABELS } from '../../workspaces/roles';

export interface AddMemberResultProps {
  result: AddMemberResponse;
  onDone: () => void;
}

/** What adding someone did — and for an invitation, the link, shown this once. */
export function AddMemberResult({ result, onDone }: AddMemberResultProps) {
  const { member, invitation, accountCreated } = result;
  return (
    <Stack gap="md">
      {invitation && (
        <>
          <Text size="sm">
            Pass this link on to <strong>{invitation.email}</strong>. It makes them{' '}
            {ROLE_LABELS[invitation.role].toLowerCase()} here once they choose a password, and works
            once, until <DateTime value={invitation.expiresAt} />.
          </Text>
          <SecretValue label="Invite link" value={`${window.location.origin}${invitation.url}`} />
          <Alert color="yellow" title="Shown only now" role="status">
            Bearing keeps only a fingerprint of the link and cannot show it again. If it gets lost,
            add the person again for a new link.
          </Alert>
        </>
      )}
      {member && (
        <Text size="sm">
          <strong>{member.displayName}</strong> ({member.email}) is now{' '}
          {ROLE_LABELS[member.role].toLowerCase()} here.{' '}
          {accountCreated
            ? 'A new account was made with the initial password: pass it on to them privately.'
            : 'They had an account already and sign in with their own password.'}
        </Text>
      )}
      <Group justify="flex-end">
        <Button onClick={onDone}>Done</Button>
      </Group>
    </Stack>
  );
}
