import { Stack } from '@mantine/core';
import { useAuditEvents } from '../../../api/audit';
import { ErrorAlert } from '../../../components/error-alert';
import { isAdmin } from '../../workspaces/roles';
import { useWorkspace } from '../../workspaces/use-workspace';
import { LoadMore } from '../load-more';
import { SectionHeader } from '../section-header';
import { EmptyTable, TableSkeleton } from '../table-states';
import { AuditTable } from './audit-table';

const DESCRIPTION =
  'Every change made in this workspace: who made it and when, with the request id to find it in the server logs.';

/** `/w/:workspace/settings/audit` (admins): the audit log, newest first, page by page. */
export function AuditPanel() {
  const workspace = useWorkspace();
  if (!isAdmin(workspace.role)) {
    return (
      <Stack gap="md">
        <SectionHeader title="Audit log" description={DESCRIPTION} />
        <EmptyTable>Only the admins of {workspace.name} can see its audit log.</EmptyTable>
      </Stack>
    );
  }
  return <AuditLog workspace={workspace.slug} />;
}

function AuditLog({ workspace }: { workspace: string }) {
  const events = useAuditEvents(workspace);
  return (
    <Stack gap="md">
      <SectionHeader title="Audit log" description={DESCRIPTION} />
      {events.isPending ? (
        <TableSkeleton label="Loading the audit log" />
      ) : events.isError ? (
        <ErrorAlert
          title="The audit log could not be loaded"
          error={events.error}
          onRetry={events.refetch}
        />
      ) : events.items.length === 0 ? (
        <EmptyTable>
          Nothing recorded yet. Changes to members and tokens will appear here.
        </EmptyTable>
      ) : (
        <>
          <AuditTable events={events.items} workspace={workspace} />
          <LoadMore
            shown={events.items.length}
            noun="event"
            showTotal
            hasMore={events.hasMore}
            loading={events.isLoadingMore}
            onLoadMore={events.loadMore}
          />
        </>
      )}
    </Stack>
  );
}
