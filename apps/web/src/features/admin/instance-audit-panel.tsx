import { Stack } from '@mantine/core';
import { useInstanceAuditEvents } from '../../api/admin';
import { ErrorAlert } from '../../components/error-alert';
import { AuditTable } from '../settings/audit/audit-table';
import { LoadMore } from '../settings/load-more';
import { SectionHeader } from '../settings/section-header';
import { EmptyTable, TableSkeleton } from '../settings/table-states';

/** The instance audit log: what belongs to no workspace, newest first, page by page. */
export function InstanceAuditPanel() {
  const events = useInstanceAuditEvents();
  return (
    <Stack gap="md">
      <SectionHeader
        title="Audit log"
        description="Sign-ins, account changes and instance settings: who did what and when. Each workspace keeps its own log in its settings."
      />
      {events.isPending ? (
        <TableSkeleton label="Loading the audit log" />
      ) : events.isError ? (
        <ErrorAlert
          title="The audit log could not be loaded"
          error={events.error}
          onRetry={events.refetch}
        />
      ) : events.items.length === 0 ? (
        <EmptyTable>Nothing recorded yet.</EmptyTable>
      ) : (
        <>
          {/* No workspace: the targets here (accounts, settings) have no page to link to. */}
          <AuditTable events={events.items} workspace="" />
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
