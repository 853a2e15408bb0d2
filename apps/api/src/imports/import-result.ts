import type {
  DeliveryMetric,
  ImportMapping,
  ImportProblem,
  ImportResult,
  TeamWorkflow,
} from '@bearing/contracts';
import { ProblemException } from '../common/problem/problem.js';
import type { ImportFile } from './import-file.js';
import { type ImportPlan, problemsOfPlan } from './import-plan.js';

/**
 * The team's workflow with the mapping's statuses moved into their stages — what a real import
 * saves and what a dry run previews. An unknown stage is a 400 naming the status.
 */
export function workflowWithMapping(workflow: TeamWorkflow, mapping: ImportMapping): TeamWorkflow {
  const statuses = Object.entries(mapping.statuses ?? {});
  if (statuses.length === 0) return workflow;
  const stageNames = new Set(workflow.stages.map((stage) => stage.name));
  const unknown = statuses.filter(([, stage]) => !stageNames.has(stage));
  if (unknown.length > 0) {
    throw ProblemException.validation(
      unknown.map(([status, stage]) => ({
        path: `mapping.statuses.${status}`,
        message: `the team's workflow has no stage "${stage}"`,
      })),
    );
  }
  const mapped = new Map(statuses);
  return {
    ...workflow,
    stages: workflow.stages.map((stage) => ({
      name: stage.name,
      statuses: [
        ...stage.statuses.filter((status) => !mapped.has(status)),
        ...statuses.filter(([, target]) => target === stage.name).map(([status]) => status),
      ],
    })),
  };
}

const NO_HISTORY = 'a CSV export has no status history';

/** The result of a plan: counts, statuses and what the data can feed. */
export function resultOf(file: ImportFile, plan: ImportPlan, workflow: TeamWorkflow): ImportResult {
  const history = { statusChanges: 0, sprintChanges: 0, estimateChanges: 0 };
  const current = new Map<string, number>();
  const seen = new Set<string>();
  for (const item of file.items) {
    history.statusChanges += item.statusChanges.length;
    history.sprintChanges += item.sprintChanges.length;
    history.estimateChanges += item.estimateChanges.length;
    current.set(item.status, (current.get(item.status) ?? 0) + 1);
    seen.add(item.status);
    if (item.initialStatus !== null) seen.add(item.initialStatus);
    for (const change of item.statusChanges) {
      seen.add(change.to);
      if (change.from !== null) seen.add(change.from);
    }
  }
  const stageOf = new Map(
    workflow.stages.flatMap((stage) =>
      stage.statuses.map((status) => [status, stage.name] as const),
    ),
  );
  const statuses = [...seen].sort().map((status) => ({
    status,
    stage: stageOf.get(status) ?? null,
    items: current.get(status) ?? 0,
  }));
  return {
    items: file.items.length,
    created: plan.items.insert.length,
    updated: plan.items.update.length,
    unchanged: plan.items.unchanged,
    sprints: {
      created: plan.sprints.insert.length,
      updated: plan.sprints.update.length,
      unchanged: plan.sprints.unchanged,
    },
    history,
    statuses,
    unknownStatuses: statuses.filter((entry) => entry.stage === null).map((entry) => entry.status),
    storyPointsField: file.storyPointsField,
    sprintField: file.sprintField,
    problems: problemsOfPlan(file, plan),
    metrics: metricsFedBy(file),
  };
}

/** A failed import: nothing was stored, here is why. */
export function failedResult(problems: ImportProblem[]): ImportResult {
  return {
    items: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    sprints: { created: 0, updated: 0, unchanged: 0 },
    history: { statusChanges: 0, sprintChanges: 0, estimateChanges: 0 },
    statuses: [],
    unknownStatuses: [],
    storyPointsField: null,
    sprintField: null,
    problems,
    metrics: { available: [], unavailable: [] },
  };
}

function metricsFedBy(file: ImportFile): ImportResult['metrics'] {
  const unavailable: { metric: DeliveryMetric; reason: string }[] = [];
  if (!file.hasHistory) {
    for (const metric of ['cycle-time', 'cfd', 'wip', 'aging'] as const) {
      unavailable.push({ metric, reason: NO_HISTORY });
    }
    unavailable.push({
      metric: 'burndown',
      reason: 'a CSV export has no sprint scope or status history',
    });
    unavailable.push({ metric: 'velocity', reason: 'a CSV export has no sprint dates or history' });
  } else if (![...file.sprints.values()].some((sprint) => sprint.start && sprint.end)) {
    const reason = 'the file has no sprint with start and end dates';
    unavailable.push({ metric: 'burndown', reason }, { metric: 'velocity', reason });
  }
  const all: DeliveryMetric[] = [
    'lead-time',
    'throughput',
    'forecast',
    'cycle-time',
    'cfd',
    'wip',
    'aging',
    'burndown',
    'velocity',
  ];
  const missing = new Set(unavailable.map((entry) => entry.metric));
  return { available: all.filter((metric) => !missing.has(metric)), unavailable };
}
