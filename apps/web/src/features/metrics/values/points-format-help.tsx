import { METRIC_POINTS_MAX_PER_UPLOAD } from '@bearing/contracts';
import { Anchor, Code, List, Stack, Text } from '@mantine/core';
import { POINTS_UPLOAD_MAX_BYTES } from './points-file-preview';

/** A file the API takes, to start from: dates alone, and a timestamp with its offset. */
export const EXAMPLE_POINTS_CSV =
  'timestamp,value\n2026-11-02,41.5\n2026-11-09,43\n2026-11-16T09:30:00Z,42.25\n';

const EXAMPLE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(EXAMPLE_POINTS_CSV)}`;

/**
 * The format the API's points readers accept (apps/api/src/metrics/points/points-csv.ts and
 * points-json.ts), with an example file to download.
 */
export function PointsFormatHelp({ metricKey }: { metricKey: string }) {
  return (
    <Stack gap="xs">
      <Text size="sm">
        A CSV file with the header <Code>timestamp,value</Code> (either order, any case), then one
        value per line:
      </Text>
      <List size="sm" spacing={4}>
        <List.Item>
          <Code>timestamp</Code>: a date <Code>YYYY-MM-DD</Code>, which stands for 00:00 UTC that
          day, or an ISO-8601 timestamp with an offset — <Code>2026-11-02T09:30:00Z</Code>,{' '}
          <Code>2026-11-02T11:30:00+02:00</Code>.
        </List.Item>
        <List.Item>
          <Code>value</Code>: a plain number with a dot for decimals, such as <Code>41.5</Code> or{' '}
          <Code>-2e3</Code> — no unit, no thousands separators.
        </List.Item>
        <List.Item>
          Fields may be quoted; blank lines are skipped. Or send JSON:{' '}
          <Code>{'[{ "timestamp": "2026-11-02", "value": 41.5 }]'}</Code>.
        </List.Item>
      </List>
      <Text size="sm">
        Up to {METRIC_POINTS_MAX_PER_UPLOAD.toLocaleString('en-US')} rows and{' '}
        {POINTS_UPLOAD_MAX_BYTES / 1024 / 1024} MB. A timestamp sent again replaces its value. One
        bad line refuses the whole file: nothing is stored until every line is good.{' '}
        <Anchor href={EXAMPLE_HREF} download={`${metricKey}-values.csv`} size="sm">
          Download an example CSV
        </Anchor>
      </Text>
    </Stack>
  );
}
