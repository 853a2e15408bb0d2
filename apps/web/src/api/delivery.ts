import {
  agingWipSchema,
  capacitySchema,
  cumulativeFlowSchema,
  cycleTimesSchema,
  flowSpanSchema,
  forecastHowManySchema,
  forecastWhenSchema,
  sprintBurndownSchema,
  sprintSummarySchema,
  throughputSchema,
  velocitySchema,
} from '@bearing/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type QueryParams, withQuery } from './all-pages';
import { apiGet, type ResponseSchema } from './client';
import { sprintKeys } from './sprints';
import { teamPath } from './teams';

/**
 * A team's delivery read models, each computed by the API with `@bearing/metrics`. They sit
 * under the team's key, so saving availability (or an import) refreshes them all. A changed
 * filter keeps the previous chart on screen until the new numbers arrive.
 */
export const deliveryKeys = {
  all: (workspace: string, team: string) =>
    [...sprintKeys.team(workspace, team), 'read-models'] as const,
  read: (workspace: string, team: string, route: string, params: QueryParams) =>
    [...deliveryKeys.all(workspace, team), route, params] as const,
};

export interface DayRange {
  /** Inclusive days `YYYY-MM-DD` in the team's time zone; left out = the API's default. */
  from?: string | undefined;
  to?: string | undefined;
}

/** The throughput sample a forecast resamples; left out = the last 90 days before today. */
export interface SampleWindow {
  sampleFrom?: string | undefined;
  sampleTo?: string | undefined;
}

function useDeliveryRead<T>(
  workspace: string,
  team: string,
  route: string,
  schema: ResponseSchema<T>,
  params: QueryParams = {},
  enabled = true,
) {
  return useQuery({
    queryKey: deliveryKeys.read(workspace, team, route, params),
    queryFn: ({ signal }) =>
      apiGet(withQuery(`${teamPath(workspace, team)}/${route}`, params), schema, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

function sprintRoute(sprint: string | null, report: string): string {
  return `sprints/${encodeURIComponent(sprint ?? '')}/${report}`;
}

/** `GET …/sprints/:sprint/burndown`: remaining against the guideline, day by day. */
export function useSprintBurndown(workspace: string, team: string, sprint: string | null) {
  return useDeliveryRead(
    workspace,
    team,
    sprintRoute(sprint, 'burndown'),
    sprintBurndownSchema,
    {},
    sprint !== null,
  );
}

/** `GET …/sprints/:sprint/summary`: the sprint report's figures. */
export function useSprintSummary(workspace: string, team: string, sprint: string | null) {
  return useDeliveryRead(
    workspace,
    team,
    sprintRoute(sprint, 'summary'),
    sprintSummarySchema,
    {},
    sprint !== null,
  );
}

/** `GET …/velocity?window=`: the last `window` closed sprints of this team only. */
export function useVelocity(workspace: string, team: string, window: number) {
  return useDeliveryRead(workspace, team, 'velocity', velocitySchema, {
    window: String(window),
  });
}

/** `GET …/flow/cycle-times?from&to`: items finished in the range, with p50/p85/p95. */
export function useCycleTimes(workspace: string, team: string, range: DayRange) {
  return useDeliveryRead(workspace, team, 'flow/cycle-times', cycleTimesSchema, { ...range });
}

/** `GET …/flow/throughput?from&to&interval=week`: items finished per ISO week. */
export function useWeeklyThroughput(workspace: string, team: string, range: DayRange) {
  return useDeliveryRead(workspace, team, 'flow/throughput', throughputSchema, {
    ...range,
    interval: 'week',
  });
}

/** `GET …/flow/cfd?from&to`: items that reached each stage, day by day, in workflow order. */
export function useCumulativeFlow(workspace: string, team: string, range: DayRange) {
  return useDeliveryRead(workspace, team, 'flow/cfd', cumulativeFlowSchema, { ...range });
}

/** `GET …/flow/span`: the days the team's items cover, to open the flow charts where data is. */
export function useFlowSpan(workspace: string, team: string) {
  return useDeliveryRead(workspace, team, 'flow/span', flowSpanSchema);
}

/** `GET …/flow/aging?asOf=`: items in progress with their age, oldest first. */
export function useAgingWip(workspace: string, team: string, asOf?: string) {
  return useDeliveryRead(workspace, team, 'flow/aging', agingWipSchema, { asOf });
}

/** `GET …/capacity?sprint=`: available person-days and the recommended commitment range. */
export function useCapacity(workspace: string, team: string, sprint: string | null) {
  return useDeliveryRead(
    workspace,
    team,
    'capacity',
    capacitySchema,
    { sprint: sprint ?? '' },
    sprint !== null,
  );
}

/** `GET …/forecast/when?remaining=`: when `remaining` items will be done (Monte Carlo). */
export function useForecastWhen(
  workspace: string,
  team: string,
  remaining: number | null,
  sample: SampleWindow,
) {
  return useDeliveryRead(
    workspace,
    team,
    'forecast/when',
    forecastWhenSchema,
    { remaining: remaining === null ? null : String(remaining), ...sample },
    remaining !== null,
  );
}

/** `GET …/forecast/how-many?days=`: how many items in the next `days` days (Monte Carlo). */
export function useForecastHowMany(
  workspace: string,
  team: string,
  days: number | null,
  sample: SampleWindow,
) {
  return useDeliveryRead(
    workspace,
    team,
    'forecast/how-many',
    forecastHowManySchema,
    { days: days === null ? null : String(days), ...sample },
    days !== null,
  );
}
