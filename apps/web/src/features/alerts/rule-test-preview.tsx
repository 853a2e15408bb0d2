import type { AlertRuleTestResult } from '@bearing/contracts';
import { Paper, Stack, Text } from '@mantine/core';
import { StatusBadge } from '../../components/status-badge';
import { RowsTable } from './rows-table';

const WOULD_FIRE = { label: 'Would fire', color: 'red', shape: 'diamond' } as const;
const WOULD_NOT_FIRE = { label: 'Would not fire', color: 'teal', shape: 'circle' } as const;

/** What "Test rule" found: whether it would fire, for which groups, and the query's rows. */
export function RuleTestPreview({ result, days }: { result: AlertRuleTestResult; days: number }) {
  const groups = result.groups.filter((group) => group !== '');
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Test result">
      <Stack gap="sm">
        <StatusBadge status={result.wouldFire ? WOULD_FIRE : WOULD_NOT_FIRE} size="md" />
        <Text size="sm" role="status" aria-label="Test summary">
          {`Over the last ${days === 1 ? 'day' : `${days} days`}: ${result.rows.length} ${result.rows.length === 1 ? 'row' : 'rows'}, ${result.matched} matching the trigger.`}
          {result.wouldFire &&
            (groups.length > 0
              ? ` ${groups.length === 1 ? 'One alert' : `${groups.length} alerts`} would fire: ${groups.join(', ')}.`
              : ' One alert would fire.')}
        </Text>
        <RowsTable
          rows={result.rows}
          columns={result.columns.map((column) => column.name)}
          label="Rows of the test"
        />
      </Stack>
    </Paper>
  );
}
