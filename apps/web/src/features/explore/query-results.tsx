import type { QueryResult } from '@bearing/contracts';
import { ScrollArea, Table, Text } from '@mantine/core';

function cell(value: QueryResult['rows'][number][string] | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

/** The answer as a table, with how many rows and whether the cap cut it. */
export function QueryResults({ result }: { result: QueryResult }) {
  const { rowCount, truncated, elapsedMs } = result.stats;
  return (
    <>
      <Text size="sm" c="dimmed" role="status" aria-label="Query statistics">
        {truncated
          ? `The first ${rowCount.toLocaleString('en')} rows — more matched; narrow the query with where or take.`
          : `${rowCount.toLocaleString('en')} ${rowCount === 1 ? 'row' : 'rows'} in ${elapsedMs} ms.`}
      </Text>
      <ScrollArea type="auto">
        <Table striped withTableBorder fz="sm" aria-label="Query results">
          <Table.Thead>
            <Table.Tr>
              {result.columns.map((column) => (
                <Table.Th key={column.name} scope="col">
                  {column.name}
                  <Text span size="xs" c="dimmed">{` ${column.type}`}</Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.rows.map((row, index) => (
              <Table.Tr key={index}>
                {result.columns.map((column) => (
                  <Table.Td
                    key={column.name}
                    ff={column.type === 'string' ? undefined : 'monospace'}
                  >
                    {cell(row[column.name])}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </>
  );
}
