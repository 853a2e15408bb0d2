import type { Program } from '@bearing/contracts';
import { Anchor, Breadcrumbs, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTeamOptions } from '../../api/programs';
import { useHealthTimeline } from '../../api/status-reports';
import { workspacePath } from '../../app/layout/navigation-items';
import { formatDay } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { FollowButton } from '../notifications/follow/follow-button';
import { HealthTrend } from './health-trend';
import { ProgramHealthBadges, ProgramHealthReasons } from './program-health-summary';

export interface ProgramHeaderProps {
  workspace: string;
  program: Program;
  onEdit?: (() => void) | undefined;
}

/**
 * Name, owner, dates and teams; the health with its watermelon flag and reason (or, before the
 * first published report, the suggested health with its reasons) and the trend of published weeks.
 */
export function ProgramHeader({ workspace, program, onEdit }: ProgramHeaderProps) {
  const timeline = useHealthTimeline(workspace, program.id);
  const teams = useTeamOptions(workspace);
  const teamNames = (teams.data ?? [])
    .filter((team) => program.teamIds.includes(team.id))
    .map((team) => team.name);
  return (
    <Stack gap="md">
      <PageHeader
        above={
          <Breadcrumbs separator="›">
            <Anchor component={Link} to={workspacePath(workspace, 'programs')} size="sm">
              Programs
            </Anchor>
            <Text size="sm">{program.name}</Text>
          </Breadcrumbs>
        }
        title={program.name}
        description={program.description || undefined}
        actions={
          <>
            <FollowButton
              workspace={workspace}
              subject={{ type: 'program', id: program.id }}
              name={program.name}
            />
            {onEdit && (
              <Button variant="default" onClick={onEdit}>
                Edit program
              </Button>
            )}
          </>
        }
      />
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" align="flex-start" gap="lg" wrap="wrap">
          <Stack gap={6} maw={560}>
            <ProgramHealthBadges program={program} size="lg" />
            <ProgramHealthReasons program={program} />
            <Text size="xs" c="dimmed">
              Owner {program.ownerName} · {formatDay(program.start)} –{' '}
              {program.end ? formatDay(program.end) : 'open-ended'}
              {teamNames.length > 0 && ` · Teams: ${teamNames.join(', ')}`}
            </Text>
          </Stack>
          {timeline.data && (
            <HealthTrend
              workspace={workspace}
              programId={timeline.data.programId}
              points={timeline.data.points}
            />
          )}
        </Group>
      </Paper>
    </Stack>
  );
}
