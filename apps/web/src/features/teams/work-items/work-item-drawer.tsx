import type { Team } from '@bearing/contracts';
import {
  Anchor,
  Badge,
  Code,
  Drawer,
  Group,
  Stack,
  Table,
  Text,
  Timeline,
  VisuallyHidden,
} from '@mantine/core';
import { useSprints } from '../../../api/sprints';
import { useWorkItem } from '../../../api/work-items';
import { DateTime } from '../../../components/date-time';
import { ErrorAlert } from '../../../components/error-alert';
import { formatNumber } from '../../../components/format';
import { LoadingRows } from '../../../components/loading-rows';
import { pointsPhrase } from '../../../components/points-phrase';
import { timelineOf } from './work-item-timeline';

const KIND_LABELS = { status: 'Status', sprint: 'Sprint', estimate: 'Estimate' } as const;

export interface WorkItemDrawerProps {
  workspace: string;
  team: Team;
  /** The open item's id; `null` closes the drawer. */
  id: string | null;
  onClose: () => void;
}

/** One work item with its whole history: status changes, sprint moves, re-estimates. */
export function WorkItemDrawer({ workspace, team, id, onClose }: WorkItemDrawerProps) {
  const item = useWorkItem(workspace, team.id, id);
  const sprints = useSprints(workspace, team.id);
  const sprintName = (sprintId: string) =>
    sprints.data?.find((sprint) => sprint.id === sprintId)?.name ?? 'a sprint';
  const title = item.data ? `${item.data.key} · ${item.data.title}` : 'Work item';
  return (
    <Drawer opened={id !== null} onClose={onClose} position="right" size="lg" title={title}>
      {item.isPending ? (
        <LoadingRows label="Loading the work item" rows={3} height={40} />
      ) : item.isError ? (
        <ErrorAlert
          title="The work item could not be loaded"
          error={item.error}
          onRetry={() => void item.refetch()}
        />
      ) : (
        <Stack gap="lg">
          <Table variant="vertical" layout="fixed" withTableBorder>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={140}>Type</Table.Th>
                <Table.Td>{item.data.type}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Status</Table.Th>
                <Table.Td>{item.data.status}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Points</Table.Th>
                <Table.Td>{formatNumber(item.data.points)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Created</Table.Th>
                <Table.Td>
                  <DateTime value={item.data.createdAt} />
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Resolved</Table.Th>
                <Table.Td>
                  {item.data.resolvedAt ? <DateTime value={item.data.resolvedAt} /> : '—'}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Parent</Table.Th>
                <Table.Td>
                  {item.data.parentKey ? <Code>{item.data.parentKey}</Code> : '—'}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Source</Table.Th>
                <Table.Td>{item.data.source}</Table.Td>
              </Table.Tr>
              {item.data.url && (
                <Table.Tr>
                  <Table.Th>In Jira</Table.Th>
                  <Table.Td>
                    <Anchor href={item.data.url} target="_blank" rel="noopener noreferrer">
                      Open {item.data.key} in Jira
                      <VisuallyHidden> (opens in a new tab)</VisuallyHidden>
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
          <Stack gap="sm" component="section" aria-label="History">
            <Text fw={600}>History</Text>
            {!item.data.hasHistory ? (
              <Text size="sm" c="dimmed">
                Imported from a CSV export, which carries no change history: only the current state
                is known.
              </Text>
            ) : (
              <>
                <Text size="sm" c="dimmed">
                  Created in {item.data.initialStatus ?? 'an unknown status'},{' '}
                  {pointsPhrase(item.data.initialPoints)}.
                </Text>
                <Timeline bulletSize={14} lineWidth={2}>
                  {timelineOf(item.data).map((entry, index) => (
                    <Timeline.Item
                      key={`${entry.at}:${index}`}
                      title={
                        <Group gap="xs">
                          <Badge variant="light" size="sm" tt="none">
                            {KIND_LABELS[entry.kind]}
                          </Badge>
                          <Text size="sm">{entry.text}</Text>
                        </Group>
                      }
                    >
                      <Text size="xs" c="dimmed">
                        <DateTime value={entry.at} />
                        {entry.sprintId && <> · {sprintName(entry.sprintId)}</>}
                      </Text>
                    </Timeline.Item>
                  ))}
                </Timeline>
              </>
            )}
          </Stack>
        </Stack>
      )}
    </Drawer>
  );
}
