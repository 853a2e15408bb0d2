import type { WorkItem } from '@bearing/contracts';
import { Anchor, Code, Table, Text } from '@mantine/core';
import { DateTime } from '../../../components/date-time';
import { formatNumber } from '../../../components/format';

export interface WorkItemsTableProps {
  items: readonly WorkItem[];
  onOpen: (item: WorkItem) => void;
}

/** Work items in the list's order; the key opens the item's history. */
export function WorkItemsTable({ items, onOpen }: WorkItemsTableProps) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="xs" highlightOnHover aria-label="Work items">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Key</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th>Title</Table.Th>
            <Table.Th ta="right">Points</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>Resolved</Table.Th>
            <Table.Th>Parent</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id} onClick={() => onOpen(item)} style={{ cursor: 'pointer' }}>
              <Table.Td>
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  fw={500}
                  ff="monospace"
                  aria-label={`${item.key}: show history`}
                  onClick={(event) => {
                    event.stopPropagation();
                    onOpen(item);
                  }}
                >
                  {item.key}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{item.type}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {item.title}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm">{formatNumber(item.points)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{item.status}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  <DateTime value={item.createdAt} dateOnly />
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {item.resolvedAt ? <DateTime value={item.resolvedAt} dateOnly /> : '—'}
                </Text>
              </Table.Td>
              <Table.Td>{item.parentKey ? <Code fz="xs">{item.parentKey}</Code> : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
