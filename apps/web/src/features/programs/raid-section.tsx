import type { RaidItem } from '@bearing/contracts';
import {
  Button,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useRaidItems } from '../../api/raid';
import { ChartFrame } from '../../charts/chart-frame';
import { EmptyPanel } from '../../components/empty-panel';
import { ErrorAlert } from '../../components/error-alert';
import { formatDay } from '../../components/format';
import { LoadingRows } from '../../components/loading-rows';
import { PROGRAM_CHART_DEFINITIONS } from './charts/program-chart-definitions';
import { type CellFilter, RaidHeatMap } from './charts/raid-heat-map';
import { RAID_KIND_LABELS, RAID_STATUS_LABELS } from './program-labels';
import { RaidHistory } from './raid-history';
import { heatMapRows, type RaidScope, raidItemsInScope } from './raid-heat-map-cells';
import {
  DEFAULT_RAID_SORT,
  nextSort,
  type RaidSort,
  type RaidSortColumn,
  sortRaidItems,
} from './raid-sort';

// The dialog's form (and its date and select inputs) loads when the dialog first opens.
const RaidForm = lazy(async () => ({ default: (await import('./raid-form')).RaidForm }));

const COLUMNS: readonly { column: RaidSortColumn; label: string }[] = [
  { column: 'kind', label: 'Kind' },
  { column: 'title', label: 'Title' },
  { column: 'probability', label: 'P' },
  { column: 'impact', label: 'I' },
  { column: 'score', label: 'Score' },
  { column: 'owner', label: 'Owner' },
  { column: 'status', label: 'Status' },
  { column: 'dueDate', label: 'Due' },
];

type Dialog = { kind: 'new' } | { kind: 'edit'; item: RaidItem };

export interface RaidSectionProps {
  workspace: string;
  programId: string;
  editor: boolean;
}

const SCOPE_OPTIONS: { value: RaidScope; label: string }[] = [
  { value: 'open', label: 'Open only' },
  { value: 'all', label: 'All' },
];

/**
 * The RAID log: a probability × impact heat map whose cells filter the sortable list under it.
 * Both count open items unless "All" is picked, so a cell's count is the rows it lists.
 */
export function RaidSection({ workspace, programId, editor }: RaidSectionProps) {
  const raid = useRaidItems(workspace, programId);
  const [scope, setScope] = useState<RaidScope>('open');
  const [cell, setCell] = useState<CellFilter | null>(null);
  const [sort, setSort] = useState<RaidSort>(DEFAULT_RAID_SORT);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const inScope = useMemo(() => raidItemsInScope(raid.data ?? [], scope), [raid.data, scope]);
  const rows = useMemo(() => heatMapRows(inScope), [inScope]);
  const shown = useMemo(() => {
    const filtered = inScope.filter(
      (item) => !cell || (item.probability === cell.probability && item.impact === cell.impact),
    );
    return sortRaidItems(filtered, sort);
  }, [inScope, cell, sort]);
  const close = () => setDialog(null);
  const addButton = editor && (
    <Button size="xs" onClick={() => setDialog({ kind: 'new' })}>
      Add RAID item
    </Button>
  );

  return (
    <Stack gap="sm">
      {raid.isPending ? (
        <LoadingRows label="Loading the RAID log" rows={1} height={220} />
      ) : raid.isError ? (
        <ErrorAlert
          title="The RAID log could not be loaded"
          error={raid.error}
          onRetry={() => void raid.refetch()}
        />
      ) : raid.data.length === 0 ? (
        <EmptyPanel
          title="No RAID items yet"
          description="Risks, assumptions, issues and dependencies, each rated by probability and impact."
          action={addButton}
        />
      ) : (
        <ChartFrame
          title="RAID log"
          definition={PROGRAM_CHART_DEFINITIONS.raidHeatMap}
          actions={addButton}
          chart={<RaidHeatMap rows={rows} selected={cell} onSelect={setCell} />}
          table={<HeatMapTable rows={rows} />}
        >
          <Group gap="sm">
            <SegmentedControl
              size="xs"
              aria-label="RAID items counted"
              value={scope}
              onChange={(value) => setScope(value === 'all' ? 'all' : 'open')}
              data={SCOPE_OPTIONS}
            />
            <Text size="xs" c="dimmed">
              {scope === 'open'
                ? `${inScope.length} open of ${raid.data.length} items`
                : `${raid.data.length} items, open and handled`}
            </Text>
          </Group>
        </ChartFrame>
      )}
      {raid.data && raid.data.length > 0 && (
        <Paper withBorder radius="md" p="md">
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={3} size="h5">
                {cell
                  ? `Items rated probability ${cell.probability}, impact ${cell.impact}`
                  : scope === 'open'
                    ? 'Open items'
                    : 'All items'}
              </Title>
              {cell && (
                <Button size="compact-sm" variant="subtle" onClick={() => setCell(null)}>
                  Show all items
                </Button>
              )}
            </Group>
            <Table.ScrollContainer minWidth={760}>
              <Table highlightOnHover aria-label="RAID items">
                <Table.Thead>
                  <Table.Tr>
                    {COLUMNS.map(({ column, label }) => (
                      <Table.Th
                        key={column}
                        scope="col"
                        aria-sort={
                          sort.column === column
                            ? sort.direction === 'asc'
                              ? 'ascending'
                              : 'descending'
                            : undefined
                        }
                      >
                        <UnstyledButton
                          onClick={() => setSort(nextSort(sort, column))}
                          fw={600}
                          fz="sm"
                          aria-label={`Sort by ${label === 'P' ? 'probability' : label === 'I' ? 'impact' : label.toLowerCase()}`}
                        >
                          {label}
                          {sort.column === column ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                        </UnstyledButton>
                      </Table.Th>
                    ))}
                    {editor && (
                      <Table.Th scope="col">
                        <Text span size="sm" fw={600}>
                          Actions
                        </Text>
                      </Table.Th>
                    )}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.length === 0 ? (
                    <Table.Tr>
                      <Table.Td colSpan={COLUMNS.length + (editor ? 1 : 0)}>
                        <Text size="sm" c="dimmed">
                          {cell ? 'No item is rated so.' : 'No open item.'}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ) : (
                    shown.map((item) => (
                      <Table.Tr key={item.id}>
                        <Table.Td>{RAID_KIND_LABELS[item.kind]}</Table.Td>
                        <Table.Td>{item.title}</Table.Td>
                        <Table.Td>{item.probability}</Table.Td>
                        <Table.Td>{item.impact}</Table.Td>
                        <Table.Td fw={600}>{item.score}</Table.Td>
                        <Table.Td>{item.ownerName ?? '—'}</Table.Td>
                        <Table.Td>{RAID_STATUS_LABELS[item.status]}</Table.Td>
                        <Table.Td>{item.dueDate ? formatDay(item.dueDate) : '—'}</Table.Td>
                        {editor && (
                          <Table.Td>
                            <Button
                              size="compact-sm"
                              variant="subtle"
                              onClick={() => setDialog({ kind: 'edit', item })}
                              aria-label={`Edit ${item.title}`}
                            >
                              Edit
                            </Button>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        </Paper>
      )}
      <Modal
        opened={dialog !== null}
        onClose={close}
        title={dialog?.kind === 'edit' ? 'Edit RAID item' : 'New RAID item'}
        size="lg"
        centered
      >
        {dialog && (
          <Suspense fallback={<LoadingRows label="Loading the form" rows={3} height={36} />}>
            <Stack gap="lg">
              <RaidForm
                workspace={workspace}
                programId={programId}
                item={dialog.kind === 'edit' ? dialog.item : undefined}
                onSaved={close}
                onCancel={close}
              />
              {dialog.kind === 'edit' && (
                <RaidHistory workspace={workspace} programId={programId} itemId={dialog.item.id} />
              )}
            </Stack>
          </Suspense>
        )}
      </Modal>
    </Stack>
  );
}

function HeatMapTable({ rows }: { rows: ReturnType<typeof heatMapRows> }) {
  const cells = rows.flat().filter((cell) => cell.count > 0);
  return (
    <Table striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Probability</Table.Th>
          <Table.Th scope="col">Impact</Table.Th>
          <Table.Th scope="col">Score</Table.Th>
          <Table.Th scope="col">Items</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {cells.map((cell) => (
          <Table.Tr key={`${cell.probability}:${cell.impact}`}>
            <Table.Td>{cell.probability}</Table.Td>
            <Table.Td>{cell.impact}</Table.Td>
            <Table.Td>
              {cell.score} ({cell.band})
            </Table.Td>
            <Table.Td>{cell.count}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
