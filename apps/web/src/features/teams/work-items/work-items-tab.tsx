import type { Team } from '@bearing/contracts';
import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useSprints } from '../../../api/sprints';
import { useWorkItems, useWorkItemTypes } from '../../../api/work-items';
import { EmptyPanel } from '../../../components/empty-panel';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingRows } from '../../../components/loading-rows';
import { LoadMore } from '../../settings/load-more';
import { useWorkItemFilter } from './use-work-item-filter';
import { WorkItemDrawer } from './work-item-drawer';
import { orderValueOf, WORK_ITEM_ORDERS } from './work-item-orders';
import { WorkItemsTable } from './work-items-table';

export interface WorkItemsTabProps {
  workspace: string;
  team: Team;
}

/** Every item the team's imports brought in: searchable, filterable by type, status and sprint, sortable. */
export function WorkItemsTab({ workspace, team }: WorkItemsTabProps) {
  const { filter, openItem, set, setOrder, clear } = useWorkItemFilter();
  const items = useWorkItems(workspace, team.id, filter);
  const sprints = useSprints(workspace, team.id);
  const types = useWorkItemTypes(workspace, team.id);
  // Searched on Enter or on leaving the field, not on every keystroke.
  const [search, setSearch] = useState(filter.q ?? '');
  const statuses = team.workflow.stages.flatMap((stage) => stage.statuses);
  const typeChoices = types.data?.types ?? [];
  const filtered = Boolean(filter.type ?? filter.status ?? filter.sprint ?? filter.q);
  const applySearch = () => set('q', search.trim() || null);

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label="Search"
          placeholder="Key or summary"
          type="search"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          onBlur={applySearch}
          onKeyDown={(event) => {
            if (event.key === 'Enter') applySearch();
          }}
          w={220}
        />
        <NativeSelect
          label="Type"
          data={[
            { value: '', label: 'Any type' },
            ...typeChoices.map((type) => ({ value: type, label: type })),
            ...(filter.type && !typeChoices.includes(filter.type)
              ? [{ value: filter.type, label: filter.type }]
              : []),
          ]}
          value={filter.type ?? ''}
          onChange={(event) => set('type', event.currentTarget.value || null)}
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
        <NativeSelect
          label="Sort by"
          data={WORK_ITEM_ORDERS.map(({ value, label }) => ({ value, label }))}
          value={orderValueOf(filter)}
          onChange={(event) => {
            const chosen = event.currentTarget.value;
            setOrder(WORK_ITEM_ORDERS.find(({ value }) => value === chosen)?.order);
          }}
          w={220}
        />
        {filtered && (
          <Button
            variant="default"
            onClick={() => {
              setSearch('');
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
