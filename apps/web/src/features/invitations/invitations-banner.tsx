import type { MyInvitation } from '@bearing/contracts';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useAcceptInvitation, useDeclineInvitation, useMyInvitations } from '../../api/invitations';
import { workspacePath } from '../../app/layout/navigation-items';
import { DateTime } from '../../components/date-time';
import { ErrorAlert } from '../../components/error-alert';
import { ROLE_LABELS } from '../workspaces/roles';

/**
 * Above every signed-in page while someone has invited the user to a workspace: they join only
 * by accepting here (or decline). Nothing shows when there is none or the list fails to load.
 */
export function InvitationsBanner() {
  const invitations = useMyInvitations();
  const items = invitations.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Stack gap="sm" mb="lg" aria-label="Invitations" component="section">
      {items.map((invitation) => (
        <InvitationAlert key={invitation.id} invitation={invitation} />
      ))}
    </Stack>
  );
}

function InvitationAlert({ invitation }: { invitation: MyInvitation }) {
  const accept = useAcceptInvitation();
  const decline = useDeclineInvitation();
  const navigate = useNavigate();
  const { workspace, role, invitedBy, expiresAt } = invitation;
  const failure = accept.error ?? decline.error;
  return (
    <Alert color="indigo" title={`Invitation to ${workspace.name}`}>
      <Stack gap="sm">
        <Text size="sm">
          {invitedBy.displayName} invited you to join {workspace.name} as{' '}
          {ROLE_LABELS[role].toLowerCase()}. The invitation is open until{' '}
          <DateTime value={expiresAt} />.
        </Text>
        {failure !== null && (
          <ErrorAlert title="The invitation could not be answered" error={failure} />
        )}
        <Group gap="sm">
          <Button
            size="xs"
            loading={accept.isPending}
            disabled={decline.isPending}
            onClick={() =>
              accept.mutate(invitation.id, {
                onSuccess: (joined) => void navigate(workspacePath(joined.slug, '')),
              })
            }
            aria-label={`Accept the invitation to ${workspace.name}`}
          >
            Accept
          </Button>
          <Button
            size="xs"
            variant="default"
            loading={decline.isPending}
            disabled={accept.isPending}
            onClick={() => decline.mutate(invitation.id)}
            aria-label={`Decline the invitation to ${workspace.name}`}
          >
            Decline
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
