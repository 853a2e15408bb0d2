import type { StatusReport } from '@bearing/contracts';
import { Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { HealthBadge, WatermelonBadge } from '../../programs/health-badge';
import { HEALTH_STYLES } from '../../programs/program-labels';

function Items({ title, items }: { title: string; items: string[] }) {
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        {title}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          None.
        </Text>
      ) : (
        <List size="sm" spacing={2}>
          {items.map((item, index) => (
            <List.Item key={index}>{item}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

/** A report's words, read-only: as published (or as a viewer sees a draft). */
export function ReportWords({ report }: { report: StatusReport }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="report-words-title">
      <Stack gap="md">
        <Title order={2} size="h4" id="report-words-title">
          The report
        </Title>
        <Stack gap={4}>
          <Group gap="xs">
            <HealthBadge health={report.health} size="md" />
            {report.watermelon && <WatermelonBadge />}
          </Group>
          {report.healthOverridden && (
            <Text size="xs" c="dimmed">
              The data suggested {HEALTH_STYLES[report.suggestedHealth].label.toLowerCase()}.
            </Text>
          )}
          {report.healthReason && <Text size="sm">{report.healthReason}</Text>}
        </Stack>
        <Stack gap={4}>
          <Title order={3} size="h5">
            Summary
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {report.summary || 'No summary.'}
          </Text>
        </Stack>
        <Items title="Highlights" items={report.highlights} />
        <Items title="Lowlights" items={report.lowlights} />
        <Items title="Asks" items={report.asks} />
      </Stack>
    </Paper>
  );
}
