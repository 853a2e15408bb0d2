import type { PendingSsoLink } from '@bearing/contracts';
import { Button, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useConfirmSsoLink, usePendingSsoLinks } from '../../api/admin';
import { ConfirmModal } from '../../components/confirm-modal';
import { DateTime } from '../../components/date-time';
import { ErrorAlert } from '../../components/error-alert';
import { SectionHeader } from '../settings/section-header';
import { TableSkeleton } from '../settings/table-states';

/**
 * Single sign-on identities waiting to be linked to an existing account. The same email is no
 * proof of the same person, so a first SSO sign-in for an account that signs in with a password
 * waits: its owner confirms by signing in with the password, or an instance admin does here.
 */
export function SsoLinksPanel() {
  const links = usePendingSsoLinks();
  const [confirming, setConfirming] = useState<PendingSsoLink | null>(null);
  return (
    <Stack gap="md">
      <SectionHeader
        title="Single sign-on links"
        description="Someone signed in with single sign-on for an email that already has an account. Link them only once you know it is the same person; otherwise, they confirm it themselves by signing in with their password."
      />
      {links.isPending ? (
        <TableSkeleton label="Loading the waiting links" />
      ) : links.isError ? (
        <ErrorAlert
          title="The waiting links could not be loaded"
          error={links.error}
          onRetry={() => void links.refetch()}
        />
      ) : links.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No single sign-on link is waiting.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Account</Table.Th>
                <Table.Th>Identity provider</Table.Th>
                <Table.Th>Asked</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {links.data.items.map((link) => (
                <Table.Tr key={link.userId}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {link.displayName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {link.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{link.issuer}</Text>
                    <Text size="xs" c="dimmed">
                      Subject {link.subject}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <DateTime value={link.requestedAt} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setConfirming(link)}
                      aria-label={`Link the single sign-on identity of ${link.email}`}
                    >
                      Link
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ConfirmSsoLinkModal link={confirming} onClose={() => setConfirming(null)} />
    </Stack>
  );
}

function ConfirmSsoLinkModal({
  link,
  onClose,
}: {
  link: PendingSsoLink | null;
  onClose: () => void;
}) {
  const confirm = useConfirmSsoLink();
  const close = () => {
    confirm.reset();
    onClose();
  };
  if (!link) return null;
  return (
    <ConfirmModal
      opened
      title="Link single sign-on"
      confirmLabel="Link"
      pending={confirm.isPending}
      error={confirm.error}
      errorTitle="Not linked"
      onClose={close}
      onConfirm={() => confirm.mutate(link.userId, { onSuccess: close })}
    >
      Whoever holds this identity at <strong>{link.issuer}</strong> will sign in as{' '}
      <strong>{link.displayName}</strong> ({link.email}), with everything that account may see. It
      is recorded in the audit log.
    </ConfirmModal>
  );
}
