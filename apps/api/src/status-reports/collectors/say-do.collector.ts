import { Injectable } from '@nestjs/common';
import type { TeamSayDo, TeamWithoutClosedSprint } from '@bearing/contracts';
import { instantToDay, sprintSummary } from '@bearing/metrics';
import { loadSprintEvents, sprintWindowOf } from '../../delivery/sprint-events.repository.js';
import { lastClosedSprints } from '../../delivery/sprint-reports.repository.js';
import { doneStatuses } from '../../delivery/team-history.repository.js';
import { teamsByName } from '../../teams/team.repository.js';
import type {
  CollectContext,
  CollectedSection,
  ReportSectionCollector,
} from './report-section-collector.js';

/**
 * The say/do ratio of each of the program's teams for its last closed sprint as of the report's
 * week: the latest closed sprint that ended before the week was over, so a report regenerated
 * later still speaks of the sprint its week knew. The figures are the sprint report's
 * (`sprintSummary` of `@bearing/metrics`, in story points), exactly as the team's velocity page
 * shows them. Teams are listed by name — side by side, never ranked — and a team without a
 * closed sprint is named as such. Say/do gives no health reason: it is a team's own
 * predictability signal, not a program fact.
 */
@Injectable()
export class SayDoCollector implements ReportSectionCollector<'sayDo'> {
  readonly section = 'sayDo';

  async collect({ manager, program, week }: CollectContext): Promise<CollectedSection<'sayDo'>> {
    const teams = await teamsByName(manager, program.workspaceId, program.teamIds);
    const withSprint: TeamSayDo[] = [];
    const withoutSprint: TeamWithoutClosedSprint[] = [];
    for (const team of teams) {
      const [sprint] = await lastClosedSprints(manager, team.id, 1, week.endsBefore);
      if (!sprint?.endsAt) {
        withoutSprint.push({ teamId: team.id, teamName: team.name });
        continue;
      }
      const events = await loadSprintEvents(
        manager,
        { workspaceId: program.workspaceId, sprintId: sprint.id },
        doneStatuses(team.workflow),
      );
      const summary = sprintSummary(sprintWindowOf(sprint), events, { unit: 'points' });
      withSprint.push({
        teamId: team.id,
        teamName: team.name,
        sprintId: sprint.id,
        sprintName: sprint.name,
        sprintEnd: instantToDay(sprint.endsAt.toISOString(), team.timeZone),
        committed: summary.committed,
        completed: summary.completed,
        completedFromCommitment: summary.completedFromCommitment,
        sayDoRatio: summary.sayDoRatio,
      });
    }
    return {
      data: { status: 'available', teams: withSprint, teamsWithoutClosedSprint: withoutSprint },
      reasons: [],
    };
  }
}
