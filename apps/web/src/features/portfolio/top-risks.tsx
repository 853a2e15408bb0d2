import type { PortfolioRisk } from '@bearing/contracts';
import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { FactCards } from '../../components/fact-cards';
import { formatShortDay } from '../../components/format';
import { useSmallScreen } from '../../components/use-small-screen';
import { RAID_KIND_LABELS } from '../programs/program-labels';
import { programPagePath } from '../programs/report-links';

/** The open risks and issues with the highest probability × impact, across programs. */
export function TopRisks({
  workspace,
  risks,
}: {
  workspace: string;
  risks: readonly PortfolioRisk[];
}) {
  const small = useSmallScreen();
  if (risks.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No open risk or issue in any program.
      </Text>
    );
  }
  if (small) {
    return (
      <FactCards
        label="Top risks"
        cards={risks.map((risk) => ({
          key: risk.id,
          title: (
            <Text size="sm" fw={600}>
              {risk.title}
            </Text>
          ),
          facts: [
            {
              label: 'Score',
              value: `${risk.score} (P${risk.probability} × I${risk.impact}), ${RAID_KIND_LABELS[risk.kind]}`,
            },
            {
              label: 'Program',
              value: (
                <Anchor component={Link} to={programPagePath(workspace, risk.programId)} size="sm">
                  {risk.programName}
                </Anchor>
              ),
            },
            { label: 'Due', value: risk.dueDate ? formatShortDay(risk.dueDate) : '—' },
          ],
        }))}
      />
    );
  }
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table verticalSpacing="xs" aria-label="Top risks">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Score</Table.Th>
            <Table.Th>Risk</Table.Th>
            <Table.Th>Program</Table.Th>
            <Table.Th>Due</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {risks.map((risk) => (
            <Table.Tr key={risk.id}>
              <Table.Td>
                <Text fw={700} span>
                  {risk.score}
                </Text>{' '}
                <Text size="xs" c="dimmed" span>
                  (P{risk.probability} × I{risk.impact})
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{risk.title}</Text>
                <Text size="xs" c="dimmed">
                  {RAID_KIND_LABELS[risk.kind]}
                </Text>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={programPagePath(workspace, risk.programId)} size="sm">
                  {risk.programName}
                </Anchor>
              </Table.Td>
              <Table.Td>{risk.dueDate ? formatShortDay(risk.dueDate) : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
