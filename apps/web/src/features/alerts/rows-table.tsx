import type { QueryResult } from '@bearing/contracts';
import { ScrollArea, Table, Text } from '@mantine/core';

type Row = QueryResult['rows'][number];

/** The columns of `rows` in the order they first appear (when no column list came with them). */
export function columnsOf(rows: readonly Row[]): string[] {
  const names = new Set<string>();
  for (const row of rows) for (const name of Object.keys(row)) names.add(name);
  return [...names];
}

function cell(value: Row[string] | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

export interface RowsTableProps {
  rows: readonly Row[];
  /** The column names to show, in order; by default those of the rows. */
  columns?: readonly string[];
  label: string;
}

/** A few result rows as a compact table: the rows an alert matched, or a test's answer. */
export function RowsTable({ rows, columns = columnsOf(rows), label }: RowsTableProps) {
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No rows.
      </Text>
    );
  }
  return (
    <ScrollArea type="auto">
      <Table striped withTableBorder fz="xs" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column} scope="col">
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, index) => (
            <Table.Tr key={index}>
              {columns.map((column) => (
                <Table.Td
                  key={column}
                  ff={typeof row[column] === 'string' ? undefined : 'monospace'}
                >
                  {cell(row[column])}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
