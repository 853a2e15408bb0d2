import type { PortfolioProgram } from '@bearing/contracts';
import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { FactCards } from '../../components/fact-cards';
import { formatShortDay } from '../../components/format';
import { useSmallScreen } from '../../components/use-small-screen';
import { programPagePath } from '../programs/report-links';
import { slipInWords } from './slip-words';

/** Every open milestone later than its baseline, worst first, with both dates. */
export function SlippingMilestones({
  workspace,
  programs,
}: {
  workspace: string;
  programs: readonly PortfolioProgram[];
}) {
  const small = useSmallScreen();
  const rows = programs
    .flatMap((program) => program.slippingMilestones.map((milestone) => ({ program, milestone })))
    .sort((a, b) => b.milestone.slipDays - a.milestone.slipDays);
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Every open milestone is on its baseline date or earlier.
      </Text>
    );
  }
  if (small) {
    return (
      <FactCards
        label="Milestones slipping against baseline"
        cards={rows.map(({ program, milestone }) => ({
          key: milestone.id,
          title: (
            <Text size="sm" fw={600}>
              {milestone.name}
            </Text>
          ),
          facts: [
            {
              label: 'Program',
              value: (
                <Anchor component={Link} to={programPagePath(workspace, program.id)} size="sm">
                  {program.name}
                </Anchor>
              ),
            },
            {
              label: 'Baseline → current',
              value: `${formatShortDay(milestone.baselineDate)} → ${formatShortDay(milestone.currentDate)}`,
            },
            { label: 'Slip', value: slipInWords(milestone.slipDays) },
          ],
        }))}
      />
    );
  }
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table verticalSpacing="xs" aria-label="Milestones slipping against baseline">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Milestone</Table.Th>
            <Table.Th>Program</Table.Th>
            <Table.Th>Baseline → current</Table.Th>
            <Table.Th>Slip</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ program, milestone }) => (
            <Table.Tr key={milestone.id}>
              <Table.Td>{milestone.name}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={programPagePath(workspace, program.id)} size="sm">
                  {program.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {formatShortDay(milestone.baselineDate)} → {formatShortDay(milestone.currentDate)}
              </Table.Td>
              <Table.Td>{slipInWords(milestone.slipDays)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
