import type { ThroughputResponse } from '@bearing/contracts';
import { Table } from '@mantine/core';
import { formatDay } from '../../components/format';

/** Items finished per week, newest first. */
export function ThroughputTable({ buckets }: { buckets: ThroughputResponse['buckets'] }) {
  return (
    <Table.ScrollContainer minWidth={320} maxHeight={360}>
      <Table striped stickyHeader verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Week of</Table.Th>
            <Table.Th ta="right">Items finished</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...buckets].reverse().map((bucket) => (
            <Table.Tr key={bucket.start}>
              <Table.Td>{formatDay(bucket.start)}</Table.Td>
              <Table.Td ta="right">{bucket.count}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
