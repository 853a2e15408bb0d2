import type { JiraConnection, JiraConnectionTestResult } from '@bearing/contracts';
import { Button, Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import {
  useDeleteJiraConnection,
  useJiraConnections,
  useTestJiraConnection,
} from '../../../api/jira';
import { ErrorAlert } from '../../../components/error-alert';
import { SectionHeader } from '../../settings/section-header';
import { EmptyTable, TableSkeleton } from '../../settings/table-states';
import { isAdmin } from '../../workspaces/roles';
import { useWorkspace } from '../../workspaces/use-workspace';
import { ConnectionForm } from './connection-form';
import { ConnectionTestResult } from './connection-test-result';
import { ConnectionsTable } from './connections-table';
import { DeleteConnectionModal } from './delete-connection-modal';

type Editing = { mode: 'add' } | { mode: 'edit'; connection: JiraConnection } | null;

/**
 * `/w/:workspace/settings/jira`: the Jira sites teams sync from. Everyone sees them (never a
 * token); admins add, test, edit and delete them.
 */
export function JiraConnectionsPanel() {
  const workspace = useWorkspace();
  const admin = isAdmin(workspace.role);
  const connections = useJiraConnections(workspace.slug);
  const test = useTestJiraConnection(workspace.slug);
  const remove = useDeleteJiraConnection(workspace.slug);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<JiraConnection | null>(null);
  const [tested, setTested] = useState<{
    connection: JiraConnection;
    result: JiraConnectionTestResult;
  } | null>(null);

  const runTest = (connection: JiraConnection) => {
    setTested(null);
    test.mutate(connection.id, { onSuccess: (result) => setTested({ connection, result }) });
  };
  const closeDelete = () => {
    remove.reset();
    setDeleting(null);
  };
  const closeEdit = () => setEditing(null);

  return (
    <Stack gap="lg">
      <SectionHeader
        title="Jira connections"
        description="The Jira sites teams keep their history in sync with. Tokens are stored encrypted and never shown again; each team picks a connection and its issues in its Source tab."
        actions={
          admin && <Button onClick={() => setEditing({ mode: 'add' })}>Add connection</Button>
        }
      />
      {tested && (
        <ConnectionTestResult connectionName={tested.connection.name} result={tested.result} />
      )}
      {test.error && <ErrorAlert title="The test could not run" error={test.error} />}
      {connections.isPending ? (
        <TableSkeleton label="Loading Jira connections" />
      ) : connections.isError ? (
        <ErrorAlert
          title="Jira connections could not be loaded"
          error={connections.error}
          onRetry={() => void connections.refetch()}
        />
      ) : connections.data.length === 0 ? (
        <EmptyTable>
          No Jira connection yet.{' '}
          {admin ? 'Add one to sync teams from Jira.' : 'An admin can add one.'}
        </EmptyTable>
      ) : (
        <ConnectionsTable
          connections={connections.data}
          admin={
            admin
              ? {
                  onTest: runTest,
                  onEdit: (connection) => setEditing({ mode: 'edit', connection }),
                  onDelete: setDeleting,
                  testing: test.isPending ? (test.variables ?? null) : null,
                }
              : undefined
          }
        />
      )}
      {admin && (
        <>
          <Modal
            opened={editing !== null}
            onClose={closeEdit}
            title={
              editing?.mode === 'edit' ? `Edit ${editing.connection.name}` : 'Add a Jira connection'
            }
            size="lg"
            centered
          >
            {editing && (
              <ConnectionForm
                workspace={workspace.slug}
                connection={editing.mode === 'edit' ? editing.connection : undefined}
                onSaved={(connection) => {
                  closeEdit();
                  // A saved connection is worth checking at once: the admin has the details in mind.
                  runTest(connection);
                }}
                onCancel={closeEdit}
              />
            )}
          </Modal>
          <DeleteConnectionModal
            connection={deleting}
            onConfirm={() => {
              if (deleting) remove.mutate(deleting.id, { onSuccess: closeDelete });
            }}
            onClose={closeDelete}
            pending={remove.isPending}
            error={remove.error}
          />
        </>
      )}
    </Stack>
  );
}
