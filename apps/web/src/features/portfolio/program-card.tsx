import type { PortfolioProgram } from '@bearing/contracts';
import { Anchor, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatScore } from '../../components/format';
import { PaceBadge } from '../okrs/pace-badge';
import { HealthTrend } from '../programs/health-trend';
import { ProgramHealthBadges, ProgramHealthReasons } from '../programs/program-health-summary';
import { programPagePath } from '../programs/report-links';
import { slipInWords } from './slip-words';

/** One program at a glance: health and its trend, objectives, what slips and what is at risk. */
export function ProgramCard({
  workspace,
  program,
}: {
  workspace: string;
  program: PortfolioProgram;
}) {
  const worstSlip = program.slippingMilestones[0];
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={`program-${program.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={3} size="h4" id={`program-${program.id}`}>
            <Anchor component={Link} to={programPagePath(workspace, program.id)} inherit>
              {program.name}
            </Anchor>
          </Title>
          <ProgramHealthBadges program={program} />
        </Group>
        <ProgramHealthReasons program={program} compact />
        <HealthTrend
          workspace={workspace}
          programId={program.id}
          points={program.trend}
          emptyMessage="No report published in the last weeks."
        />
        <Stack gap={4}>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase">
            Objectives
          </Text>
          {program.objectives.length === 0 ? (
            <Text size="sm" c="dimmed">
              No objective linked.
            </Text>
          ) : (
            <List size="sm" spacing={4} listStyleType="none" p={0}>
              {program.objectives.map((objective) => (
                <List.Item key={objective.id}>
                  <Group gap="xs" wrap="nowrap" justify="space-between">
                    <Text size="sm" truncate="end">
                      {objective.title}
                    </Text>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" fw={600} aria-label={`Score ${formatScore(objective.score)}`}>
                        {formatScore(objective.score)}
                      </Text>
                      <PaceBadge pace={objective.pace} size="xs" />
                    </Group>
                  </Group>
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
        <Group gap="lg" wrap="wrap" align="flex-start">
          <Fact
            label="Slipping milestones"
            value={String(program.slippingMilestones.length)}
            detail={worstSlip && `Worst: ${worstSlip.name}, ${slipInWords(worstSlip.slipDays)}`}
          />
          <Fact label="Open risks" value={String(program.openRiskCount)} />
          <Fact label="Overdue dependencies" value={String(program.overdueDependencyCount)} />
        </Group>
      </Stack>
    </Card>
  );
}

function Fact({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700}>{value}</Text>
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </Stack>
  );
}
