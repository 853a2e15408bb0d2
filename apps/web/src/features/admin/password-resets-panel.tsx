import { Stack, Table, Text } from '@mantine/core';
import { useHeldPasswordResets } from '../../api/account';
import { DateTime } from '../../components/date-time';
import { ErrorAlert } from '../../components/error-alert';
import { SecretValue } from '../../components/secret-value';
import { SectionHeader } from '../settings/section-header';
import { TableSkeleton } from '../settings/table-states';

/**
 * Reset links people asked for, while Bearing sends no email: pass each on to its owner (and
 * only to them — it sets that account's password). A link disappears once used, replaced by a
 * newer one, or after 30 minutes.
 */
export function PasswordResetsPanel() {
  const resets = useHeldPasswordResets();
  return (
    <Stack gap="md">
      <SectionHeader
        title="Password resets"
        description="Bearing sends no email yet: give each person their link yourself, by a channel you trust. Links work once, for 30 minutes."
      />
      {resets.isPending ? (
        <TableSkeleton label="Loading the reset links" />
      ) : resets.isError ? (
        <ErrorAlert
          title="The reset links could not be loaded"
          error={resets.error}
          onRetry={() => void resets.refetch()}
        />
      ) : resets.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nobody is waiting for a reset link.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Account</Table.Th>
                <Table.Th>Link</Table.Th>
                <Table.Th>Expires</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {resets.data.items.map((reset) => (
                <Table.Tr key={reset.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {reset.user.displayName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {reset.user.email}
                    </Text>
                  </Table.Td>
                  <Table.Td miw={320}>
                    {reset.url === null ? (
                      <Text size="sm" c="dimmed">
                        Sealed with another instance key: ask for a new link.
                      </Text>
                    ) : (
                      <SecretValue label={`Reset link for ${reset.user.email}`} value={reset.url} />
                    )}
                  </Table.Td>
                  <Table.Td>
                    <DateTime value={reset.expiresAt} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
