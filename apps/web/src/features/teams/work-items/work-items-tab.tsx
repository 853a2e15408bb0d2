import type { Team } from '@bearing/contracts';
import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useSprints } from '../../../api/sprints';
import { useWorkItems } from '../../../api/work-items';
import { EmptyPanel } from '../../../components/empty-panel';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingRows } from '../../../components/loading-rows';
import { LoadMore } from '../../settings/load-more';
import { useWorkItemFilter } from './use-work-item-filter';
import { WorkItemDrawer } from './work-item-drawer';
import { WorkItemsTable } from './work-items-table';

export interface WorkItemsTabProps {
  workspace: string;
  team: Team;
}

/** Every item the team's imports brought in, filterable by type, status and sprint. */
export function WorkItemsTab({ workspace, team }: WorkItemsTabProps) {
  const { filter, openItem, set, clear } = useWorkItemFilter();
  const items = useWorkItems(workspace, team.id, filter);
  const sprints = useSprints(workspace, team.id);
  // Types are free text in Jira; typed, then applied on Enter or leaving the field.
  const [type, setType] = useState(filter.type ?? '');
  const statuses = team.workflow.stages.flatMap((stage) => stage.statuses);
  const filtered = Boolean(filter.type ?? filter.status ?? filter.sprint);

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label="Type"
          placeholder="e.g. Story"
          value={type}
          onChange={(event) => setType(event.currentTarget.value)}
          onBlur={() => set('type', type.trim() || null)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') set('type', type.trim() || null);
          }}
          w={160}
        />
        <NativeSelect
          label="Status"
          data={[
            { value: '', label: 'Any status' },
            ...statuses.map((status) => ({ value: status, label: status })),
            ...(filter.status && !statuses.includes(filter.status)
              ? [{ value: filter.status, label: filter.status }]
              : []),
          ]}
          value={filter.status ?? ''}
          onChange={(event) => set('status', event.currentTarget.value || null)}
          w={200}
        />
        <NativeSelect
          label="Sprint"
          data={[
            { value: '', label: 'Any sprint' },
            ...(sprints.data ?? []).map((sprint) => ({ value: sprint.id, label: sprint.name })),
          ]}
          value={filter.sprint ?? ''}
          onChange={(event) => set('sprint', event.currentTarget.value || null)}
          w={220}
        />
        {filtered && (
          <Button
            variant="default"
            onClick={() => {
              setType('');
              clear();
            }}
          >
            Clear filters
          </Button>
        )}
      </Group>
      {items.isPending ? (
        <LoadingRows label="Loading work items" rows={4} height={36} />
      ) : items.isError ? (
        <ErrorAlert
          title="Work items could not be loaded"
          error={items.error}
          onRetry={items.refetch}
        />
      ) : items.items.length === 0 ? (
        <EmptyPanel
          title={filtered ? 'No work items match' : 'No work items yet'}
          description={
            filtered
              ? 'Try other filters.'
              : 'Work items arrive with a Jira import (the Import tab), with their history.'
          }
        />
      ) : (
        <>
          <WorkItemsTable items={items.items} onOpen={(item) => set('item', item.id)} />
          <LoadMore
            shown={items.items.length}
            noun="work item"
            hasMore={items.hasMore}
            loading={items.isLoadingMore}
            onLoadMore={items.loadMore}
          />
        </>
      )}
      <WorkItemDrawer
        workspace={workspace}
        team={team}
        id={openItem}
        onClose={() => set('item', null)}
      />
    </Stack>
  );
}
