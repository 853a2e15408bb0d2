import type { Team } from '@bearing/contracts';
import { Stack } from '@mantine/core';
import { lazy, Suspense, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useFlowSpan } from '../../../api/delivery';
import { useSprints } from '../../../api/sprints';
import { EmptyPanel } from '../../../components/empty-panel';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingRows } from '../../../components/loading-rows';
import { canEdit } from '../../workspaces/roles';
import { useWorkspace } from '../../workspaces/use-workspace';
import { DashboardSection } from './dashboard-section';
import { FlowRangeFilter } from './flow-range-filter';
import { FlowSection } from './flow-section';
import { todayIn } from './forecast-inputs';
import { defaultSprint, reportableSprints } from './sprint-choice';
import { SprintSection } from './sprint-section';
import { useDashboardParams } from './use-dashboard-params';
import { VelocityPanel } from './velocity-panel';

// Planning (capacity and forecasts) is the dashboard's last section, below the fold: its forms
// and their inputs load after the sprint and flow charts above it.
const CapacityPlanner = lazy(async () => ({
  default: (await import('./capacity-planner')).CapacityPlanner,
}));
const ForecastPanel = lazy(async () => ({
  default: (await import('./forecast-panel')).ForecastPanel,
}));

export interface TeamDashboardProps {
  workspace: string;
  team: Team;
}

/** The team's delivery view: sprint, flow, capacity and forecast charts. */
export function TeamDashboard({ workspace, team }: TeamDashboardProps) {
  const editor = canEdit(useWorkspace().role);
  const span = useFlowSpan(workspace, team.id);
  const params = useDashboardParams(team.timeZone, span.data ?? null);
  const [searchParams] = useSearchParams();
  const sprints = useSprints(workspace, team.id);
  const started = useMemo(() => reportableSprints(sprints.data ?? []), [sprints.data]);
  const selected =
    started.find((sprint) => sprint.id === params.sprint) ?? defaultSprint(sprints.data ?? []);

  return (
    <Stack gap="xl">
      <DashboardSection
        title="Sprint"
        description="How the selected sprint is going, and what the team committed and completed in its recent sprints."
      >
        {sprints.isPending ? (
          <LoadingRows label="Loading the sprints" rows={2} height={120} />
        ) : sprints.isError ? (
          <ErrorAlert
            title="The sprints could not be loaded"
            error={sprints.error}
            onRetry={() => void sprints.refetch()}
          />
        ) : selected === null ? (
          <EmptyPanel
            title="No sprint has started yet"
            description="Sprint charts appear once the team starts a sprint or imports its sprints from Jira."
          />
        ) : (
          <SprintSection
            workspace={workspace}
            teamId={team.id}
            sprints={started}
            selected={selected}
            onSelect={params.setSprint}
            today={todayIn(team.timeZone)}
            timeZone={team.timeZone}
          />
        )}
        <VelocityPanel workspace={workspace} teamId={team.id} />
      </DashboardSection>

      <DashboardSection
        title="Flow"
        description="How work moves from commitment to done, in the team’s time zone."
        actions={
          <FlowRangeFilter
            range={params.flow}
            typed={{
              from:
                searchParams.get('from') ??
                (params.flow.preset === 'custom' ? '' : params.flow.from),
              to: searchParams.get('to') ?? (params.flow.preset === 'custom' ? '' : params.flow.to),
            }}
            onPreset={params.setFlowPreset}
            onDays={params.setFlowDays}
          />
        }
      >
        {span.isPending ? (
          // The range depends on where the team's data lies: wait for it rather than ask twice.
          <LoadingRows label="Loading the flow charts" rows={2} height={160} />
        ) : (
          <FlowSection
            workspace={workspace}
            teamId={team.id}
            range={params.flow}
            span={span.data ?? null}
            onShowDays={params.setFlowDays}
          />
        )}
      </DashboardSection>

      <DashboardSection
        title="Planning"
        description="Capacity for the next sprint and forecasts from the team’s own throughput."
      >
        <Suspense fallback={<LoadingRows label="Loading planning" rows={2} height={160} />}>
          {sprints.isSuccess && (
            <CapacityPlanner
              workspace={workspace}
              team={team}
              sprints={sprints.data}
              editor={editor}
            />
          )}
          <ForecastPanel workspace={workspace} team={team} />
        </Suspense>
      </DashboardSection>
    </Stack>
  );
}
