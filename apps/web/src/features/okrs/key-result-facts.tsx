import type { KeyResult, Objective, Period } from '@bearing/contracts';
import { Anchor, Paper, Stack, Table, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { workspacePath } from '../../app/layout/navigation-items';
import { formatDay, formatValue } from '../../components/format';
import { CADENCE_LABELS, KIND_LABELS } from './okr-labels';

export interface KeyResultFactsProps {
  workspace: string;
  keyResult: KeyResult;
  objective: Objective | undefined;
  period: Period | undefined;
}

/** How the key result is set up: kind, baseline, target, weight, cadence, metric, owner. */
export function KeyResultFacts({ workspace, keyResult, objective, period }: KeyResultFactsProps) {
  const rows: [string, ReactNode][] = [
    ['Kind', KIND_LABELS[keyResult.kind]],
    ['Baseline', formatValue(keyResult.baseline, keyResult.unit)],
    ['Target', formatValue(keyResult.target, keyResult.unit)],
    ['Weight', String(keyResult.weight)],
    ['Check-ins', CADENCE_LABELS[keyResult.cadence]],
    [
      'Follows metric',
      keyResult.metricKey ? (
        <Anchor
          component={Link}
          to={workspacePath(workspace, `metrics/${keyResult.metricKey}`)}
          size="sm"
        >
          {keyResult.metricKey}
        </Anchor>
      ) : (
        'None: checked in by hand'
      ),
    ],
    ['Objective owner', objective?.owner.displayName ?? '—'],
    [
      'Period',
      period ? `${period.name} (${formatDay(period.start)} – ${formatDay(period.end)})` : '—',
    ],
  ];
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="key-result-facts">
      <Stack gap="sm">
        <Title order={2} size="h4" id="key-result-facts">
          Set-up
        </Title>
        <Table variant="vertical" withRowBorders={false} verticalSpacing={4}>
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th w={130} fw={500} c="dimmed" bg="transparent">
                  {label}
                </Table.Th>
                <Table.Td>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
