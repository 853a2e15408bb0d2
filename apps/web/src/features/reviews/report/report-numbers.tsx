import type { HealthReason, ReportSnapshot } from '@bearing/contracts';
import { Box, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { formatDay, formatPercent } from '../../../components/format';
import { StatusBadge, type StatusStyle } from '../../../components/status-badge';
import { GUARDRAIL_STATUS_STYLES, NO_DATA } from '../../metrics/metric-labels';
import { PaceBadge } from '../../okrs/pace-badge';
import { HealthBadge } from '../../programs/health-badge';
import { describeSlip } from '../../programs/slip';
import { NoneText, SnapshotSection } from './snapshot-section';

const SEVERITY_STYLES: Record<HealthReason['severity'], StatusStyle> = {
  'at-risk': { label: 'Raises health', color: 'red', shape: 'square' },
  watch: { label: 'Watch', color: 'yellow', shape: 'triangle' },
};

/** A change in percentage points, signed: +12 pts, −5 pts; em dash without one. */
function formatPointsChange(change: number | null): string {
  if (change === null) return '—';
  const points = Math.round(change * 100);
  return `${points > 0 ? '+' : points < 0 ? '−' : '±'}${Math.abs(points)} pts`;
}

/** The numbers a report was drafted from: its frozen snapshot, section by section. */
export function ReportNumbers({ snapshot }: { snapshot: ReportSnapshot }) {
  const { sections } = snapshot;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="report-numbers-title">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} size="h4" id="report-numbers-title">
            The numbers behind it
          </Title>
          <Text size="xs" c="dimmed">
            As of {formatDay(snapshot.asOf)}
            {snapshot.comparedTo
              ? `; changes against the report of the week of ${formatDay(snapshot.comparedTo.week)}`
              : '; no earlier published report to compare with'}
            .
          </Text>
        </Stack>

        <Stack gap={6} component="section">
          <Group gap="xs">
            <Title order={3} size="h5">
              Suggested health
            </Title>
            <HealthBadge health={snapshot.suggestedHealth} />
          </Group>
          {snapshot.healthReasons.length === 0 ? (
            <NoneText>Nothing in the data raises the health.</NoneText>
          ) : (
            <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {snapshot.healthReasons.map((reason, index) => (
                <Group key={index} component="li" gap="xs" wrap="nowrap" align="flex-start">
                  <Box style={{ flexShrink: 0 }}>
                    <StatusBadge status={SEVERITY_STYLES[reason.severity]} size="xs" />
                  </Box>
                  <Text size="sm">{reason.message}</Text>
                </Group>
              ))}
            </Stack>
          )}
        </Stack>

        <SnapshotSection title="Key results" section={sections.keyResults}>
          {({ items }) =>
            items.length === 0 ? (
              <NoneText>No key results linked.</NoneText>
            ) : (
              <Table fz="sm" aria-label="Key results in the snapshot">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Key result</Table.Th>
                    <Table.Th scope="col">Progress</Table.Th>
                    <Table.Th scope="col">Pace</Table.Th>
                    <Table.Th scope="col">Since last report</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((item) => (
                    <Table.Tr key={item.keyResultId}>
                      <Table.Td>{item.title}</Table.Td>
                      <Table.Td>
                        {formatPercent(item.progress)}
                        {item.expectedProgress !== null && (
                          <Text span size="xs" c="dimmed">
                            {' '}
                            (expected {formatPercent(item.expectedProgress)})
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <PaceBadge pace={item.pace} size="xs" />
                      </Table.Td>
                      <Table.Td>{formatPointsChange(item.progressChange)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )
          }
        </SnapshotSection>

        <SnapshotSection title="Guardrails" section={sections.guardrails}>
          {({ items }) =>
            items.length === 0 ? (
              <NoneText>No guardrails linked.</NoneText>
            ) : (
              <Stack gap={4}>
                {items.map((item) => (
                  <Group key={item.guardrailId} gap="xs">
                    <StatusBadge
                      status={item.status ? GUARDRAIL_STATUS_STYLES[item.status] : NO_DATA}
                      size="xs"
                    />
                    <Text size="sm">
                      {item.metricName}
                      {item.previousStatus !== item.status &&
                        ` (was ${item.previousStatus ? GUARDRAIL_STATUS_STYLES[item.previousStatus].label.toLowerCase() : 'without data'})`}
                      {item.changesThisWeek.length > 0 &&
                        ` · ${item.changesThisWeek.length} ${item.changesThisWeek.length === 1 ? 'change' : 'changes'} this week`}
                    </Text>
                  </Group>
                ))}
              </Stack>
            )
          }
        </SnapshotSection>

        <SnapshotSection title="Milestones" section={sections.milestones}>
          {({ movedThisWeek, completedThisWeek }) => (
            <Stack gap={6}>
              <Text size="sm" fw={600}>
                Moved this week
              </Text>
              {movedThisWeek.length === 0 ? (
                <NoneText />
              ) : (
                <List size="sm" spacing={2}>
                  {movedThisWeek.map((move) => (
                    <List.Item key={move.milestoneId}>
                      {move.name}: {formatDay(move.dateBeforeWeek)} →{' '}
                      {formatDay(move.moves.at(-1)?.toDate ?? move.currentDate)} (original plan{' '}
                      {formatDay(move.baselineDate)}; {describeSlip(move.slipDays).toLowerCase()})
                      {move.moves.map((entry) => ` — ${entry.reason}`).join('')}
                    </List.Item>
                  ))}
                </List>
              )}
              <Text size="sm" fw={600}>
                Completed this week
              </Text>
              {completedThisWeek.length === 0 ? (
                <NoneText />
              ) : (
                <List size="sm" spacing={2}>
                  {completedThisWeek.map((milestone) => (
                    <List.Item key={milestone.milestoneId}>
                      {milestone.name}: completed{' '}
                      {formatDay(milestone.completedAt ?? milestone.currentDate)} (original plan{' '}
                      {formatDay(milestone.baselineDate)})
                    </List.Item>
                  ))}
                </List>
              )}
            </Stack>
          )}
        </SnapshotSection>

        <SnapshotSection title="RAID" section={sections.raid}>
          {({ newThisWeek, escalatedThisWeek, highScoreOpenRisks, counts }) => (
            <Stack gap={6}>
              <Text size="sm" c="dimmed">
                {counts.open} open · {counts.openRisks} open risks · {counts.highScoreOpenRisks}{' '}
                high-score
              </Text>
              <Text size="sm" fw={600}>
                New this week
              </Text>
              {newThisWeek.length === 0 ? (
                <NoneText />
              ) : (
                <List size="sm" spacing={2}>
                  {newThisWeek.map((item) => (
                    <List.Item key={item.raidItemId}>
                      {item.title} ({item.kind}, score {item.score})
                    </List.Item>
                  ))}
                </List>
              )}
              <Text size="sm" fw={600}>
                Escalated this week
              </Text>
              {escalatedThisWeek.length === 0 ? (
                <NoneText />
              ) : (
                <List size="sm" spacing={2}>
                  {escalatedThisWeek.map((item) => (
                    <List.Item key={item.raidItemId}>
                      {item.title}: score {item.scoreBeforeWeek} → {item.score}
                      {item.reopened && ' (re-opened)'}
                    </List.Item>
                  ))}
                </List>
              )}
              {highScoreOpenRisks.length > 0 && (
                <>
                  <Text size="sm" fw={600}>
                    Open high-score risks
                  </Text>
                  <List size="sm" spacing={2}>
                    {highScoreOpenRisks.map((item) => (
                      <List.Item key={item.raidItemId}>
                        {item.title} (score {item.score})
                      </List.Item>
                    ))}
                  </List>
                </>
              )}
            </Stack>
          )}
        </SnapshotSection>

        <SnapshotSection title="Dependencies" section={sections.dependencies}>
          {({ open, overdueCount }) =>
            open.length === 0 ? (
              <NoneText>No open dependencies.</NoneText>
            ) : (
              <Stack gap={4}>
                <Text size="sm" c="dimmed">
                  {open.length} open, {overdueCount} overdue
                </Text>
                <List size="sm" spacing={2}>
                  {open.map((dependency) => (
                    <List.Item key={dependency.dependencyId}>
                      {dependency.from.name ?? 'Unknown'} → {dependency.to.name ?? 'Unknown'}:{' '}
                      {dependency.description}, need by {formatDay(dependency.needBy)}
                      {dependency.overdue && ` — overdue by ${dependency.daysOverdue} days`}
                    </List.Item>
                  ))}
                </List>
              </Stack>
            )
          }
        </SnapshotSection>

        <SnapshotSection title="Overdue check-ins" section={sections.checkIns}>
          {({ overdue }) =>
            overdue.length === 0 ? (
              <NoneText />
            ) : (
              <List size="sm" spacing={2}>
                {overdue.map((checkIn) => (
                  <List.Item key={checkIn.keyResultId}>
                    {checkIn.title}
                    {checkIn.ownerName && ` (${checkIn.ownerName})`}: due since{' '}
                    {formatDay(checkIn.dueSince)}
                  </List.Item>
                ))}
              </List>
            )
          }
        </SnapshotSection>

        <SnapshotSection title="Say/do of the program's teams" section={sections.sayDo}>
          {({ teams }) =>
            teams.length === 0 ? (
              <NoneText>No closed sprint yet.</NoneText>
            ) : (
              <List size="sm" spacing={2}>
                {teams.map((team) => (
                  <List.Item key={team.teamId}>
                    {team.teamName}, {team.sprintName}: {formatPercent(team.sayDoRatio)} of the
                    commitment delivered
                  </List.Item>
                ))}
              </List>
            )
          }
        </SnapshotSection>
      </Stack>
    </Paper>
  );
}
