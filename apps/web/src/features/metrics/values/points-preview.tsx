import { METRIC_POINTS_MAX_PER_UPLOAD } from '@bearing/contracts';
import { Alert, Stack, Table, Text } from '@mantine/core';
import { formatNumber } from '../../../components/format';
import type { PointsPreview as Preview } from './points-file-preview';
import { PointsProblems } from './points-problems';

export interface PointsPreviewProps {
  fileName: string;
  preview: Preview;
}

/** What a file holds before anything is sent: how many rows, the first ones, every problem. */
export function PointsPreview({ fileName, preview }: PointsPreviewProps) {
  const { rows, firstRows, problems, truncated } = preview;
  return (
    <Stack gap="sm" component="section" aria-label="Preview">
      <Text size="sm">
        <strong>{fileName}</strong> holds {formatNumber(rows)} {rows === 1 ? 'row' : 'rows'}
        {firstRows.length > 0 && firstRows.length < rows
          ? `; the first ${firstRows.length}:`
          : firstRows.length > 0
            ? ':'
            : '.'}
      </Text>
      {firstRows.length > 0 && (
        <Table.ScrollContainer minWidth={360}>
          <Table withTableBorder striped fz="sm" aria-label="First rows of the file">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{preview.format === 'csv' ? 'Line' : 'Element'}</Table.Th>
                <Table.Th>timestamp</Table.Th>
                <Table.Th ta="right">value</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {firstRows.map((row) => (
                <Table.Tr key={row.where}>
                  <Table.Td>{row.where.replace(/^line\./, '')}</Table.Td>
                  <Table.Td ff="monospace">{row.timestamp}</Table.Td>
                  <Table.Td ff="monospace" ta="right">
                    {row.value}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {problems.length > 0 && (
        <Alert color="red" title="This file cannot be imported as it is" role="alert">
          <Stack gap="xs">
            <Text size="sm">
              The API refuses a file with any bad line, so nothing would be stored. Fix these and
              choose the file again.
            </Text>
            <PointsProblems
              problems={problems}
              truncated={truncated}
              label="Problems in the file"
            />
          </Stack>
        </Alert>
      )}
      {rows > METRIC_POINTS_MAX_PER_UPLOAD && (
        <Alert color="red" title="Too many rows for one upload" role="alert">
          One upload holds at most {formatNumber(METRIC_POINTS_MAX_PER_UPLOAD)} rows: split the file
          and upload each part.
        </Alert>
      )}
    </Stack>
  );
}
