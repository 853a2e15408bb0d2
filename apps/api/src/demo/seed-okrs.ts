import {
  createCheckInRequestSchema,
  createKeyResultRequestSchema,
  createObjectiveRequestSchema,
  createPeriodRequestSchema,
  type KeyResultKind,
  updateObjectiveRequestSchema,
} from '@bearing/contracts';
import { addDays, daysBetween, weekdayOf } from '@bearing/metrics';
import { CheckInsService } from '../okrs/check-ins/check-ins.service.js';
import { KeyResultsService } from '../okrs/key-results/key-results.service.js';
import { ObjectivesService } from '../okrs/objectives/objectives.service.js';
import { PeriodsService } from '../okrs/periods/periods.service.js';
import {
  allSettledOrThrow,
  checkpoint,
  type DemoContext,
  demoStep,
  validRequest,
} from './demo-context.js';
import type { Prng } from './prng.js';
import type { KpiValues } from './seed-kpis.js';

/** Objective ids by program, for linking them to their programs. */
export type SeededOkrs = { objectivesByProgram: Map<ProgramKey, string[]> };

export type ProgramKey = 'podcast-ads' | 'personalised-home' | 'catalog';

type KeyResultPlan = {
  title: string;
  kind: KeyResultKind;
  unit: string;
  metricKey?: string;
  /** Baseline and target; for a metric they are read relative to the value at the period start. */
  baseline?: number;
  target: number;
  /** A milestone key result: the share of the period after which it is checked in as done. */
  doneAt?: number;
};

type ObjectivePlan = {
  program: ProgramKey | null;
  title: string;
  description: string;
  keyResults: KeyResultPlan[];
};

function objectivesFor(quarter: 'current' | 'previous'): ObjectivePlan[] {
  const current = quarter === 'current';
  return [
    {
      program: 'podcast-ads',
      title: current ? 'Make podcast advertising a real business' : 'Open podcasts to advertisers',
      description: 'Fill more podcast ad slots at better prices without hurting playback.',
      keyResults: [
        {
          title: current
            ? 'Podcast ad fill rate from 64 % to 72 %'
            : 'Podcast ad fill rate to 64 %',
          kind: 'increase',
          unit: '%',
          metricKey: 'ad-fill-rate',
          baseline: current ? 64 : 60,
          target: current ? 72 : 64,
        },
        {
          title: current
            ? 'Podcast ad revenue to 60 k€ a day'
            : 'Podcast ad revenue to 45 k€ a day',
          kind: 'increase',
          unit: 'k€/day',
          metricKey: 'podcast-ad-revenue',
          baseline: current ? 45 : 38,
          target: current ? 60 : 45,
        },
        ...(current
          ? [
              {
                title: 'Self-serve booking live for podcast advertisers',
                kind: 'milestone' as const,
                unit: '',
                target: 1,
              },
            ]
          : [
              {
                title: 'Programmatic podcast ads in three markets',
                kind: 'milestone' as const,
                unit: '',
                target: 1,
                doneAt: 0.8,
              },
            ]),
      ],
    },
    {
      program: 'personalised-home',
      title: current ? 'A home screen listeners come back to' : 'Personalise the home screen',
      description: 'Every listener sees shelves that fit their taste from the first visit.',
      keyResults: [
        {
          title: current
            ? 'Home-feed click-through from 8.0 % to 9.2 %'
            : 'Home-feed click-through to 8.0 %',
          kind: 'increase',
          unit: '%',
          metricKey: 'home-feed-ctr',
          baseline: current ? 8 : 7.3,
          target: current ? 9.2 : 8,
        },
        {
          title: current ? 'Weekly active listeners to 13 M' : 'Weekly active listeners to 12.4 M',
          kind: 'increase',
          unit: 'M',
          metricKey: 'weekly-active-listeners',
          baseline: current ? 12.3 : 11.9,
          target: current ? 13 : 12.4,
        },
      ],
    },
    {
      program: 'catalog',
      title: current ? 'Fresh episodes playable within minutes' : 'Rebuild catalog ingestion',
      description: 'New episodes reach listeners quickly and reliably, whatever the feed.',
      keyResults: [
        {
          title: current ? 'Ingestion lag below 25 minutes' : 'Ingestion lag from 60 to 40 minutes',
          kind: 'decrease',
          unit: 'min',
          metricKey: 'catalog-ingestion-lag',
          baseline: 60,
          target: current ? 25 : 40,
        },
        {
          title: current ? 'New pipeline serves every feed' : 'New pipeline in shadow mode',
          kind: 'milestone',
          unit: '',
          target: 1,
          ...(current ? {} : { doneAt: 0.7 }),
        },
      ],
    },
  ];
}

const NOTES: Record<'on-track' | 'at-risk' | 'off-track', readonly string[]> = {
  'on-track': [
    'Moving as planned.',
    'Good week; no blockers.',
    'Experiment results are in and positive.',
    'Steady progress.',
  ],
  'at-risk': [
    'Slower than planned; watching it.',
    'Waiting on a dependency.',
    'Lost two days to an incident.',
    'Scope is bigger than estimated.',
  ],
  'off-track': [
    'Blocked; escalated in the weekly review.',
    'Needs a decision on scope.',
    'Behind plan after the latency regression.',
  ],
};

/**
 * The current and the previous quarter: a company objective with one objective per program,
 * key results (most following a KPI), weekly check-ins by the owner, and last quarter closed.
 */
export async function seedOkrs(
  context: DemoContext,
  ownerId: string,
  values: KpiValues,
): Promise<SeededOkrs> {
  const objectivesByProgram = new Map<ProgramKey, string[]>();
  const rng = context.rng.fork('okrs');
  const periods = demoPeriods(context.today);
  for (const quarter of ['previous', 'current'] as const) {
    checkpoint(context);
    const { start, end } = periods[quarter];
    const period = await demoStep(`period ${quarterName(start)}`, () =>
      context.app
        .get(PeriodsService)
        .create(
          context.workspaceId,
          context.actor,
          validRequest(
            createPeriodRequestSchema,
            { name: quarterName(start), start, end },
            'period',
          ),
        ),
    );
    const company = await createObjective(context, {
      title:
        quarter === 'current' ? 'Grow listening and podcast revenue' : 'Build the podcast business',
      description: 'The company objective the program objectives align to.',
      ownerId,
      periodId: period.id,
      parentId: null,
    });
    const objectiveIds = [company];
    const checkIns: (() => Promise<void>)[] = [];
    for (const plan of objectivesFor(quarter)) {
      const objectiveId = await createObjective(context, {
        title: plan.title,
        description: plan.description,
        ownerId,
        periodId: period.id,
        parentId: company,
      });
      objectiveIds.push(objectiveId);
      if (plan.program) {
        objectivesByProgram.set(plan.program, [
          ...(objectivesByProgram.get(plan.program) ?? []),
          objectiveId,
        ]);
      }
      for (const keyResult of plan.keyResults) {
        const keyResultId = await createKeyResult(context, objectiveId, keyResult);
        const notes = rng.fork(keyResult.title);
        checkIns.push(() =>
          checkInWeekly(context, keyResultId, keyResult, { start, end }, values, notes),
        );
      }
    }
    // Key results are independent of each other: their check-ins are written side by side.
    await allSettledOrThrow(checkIns);
    if (quarter === 'previous') {
      // Last quarter is over: its objectives are closed, their check-ins kept as history.
      for (const id of objectiveIds.reverse()) {
        const objective = await context.app.get(ObjectivesService).get(context.workspaceId, id);
        await demoStep(`closing objective ${objective.title}`, () =>
          context.app
            .get(ObjectivesService)
            .update(
              context.workspaceId,
              context.actor,
              id,
              validRequest(
                updateObjectiveRequestSchema,
                { status: 'closed', version: objective.version },
                'objective',
              ),
            ),
        );
      }
    }
  }
  return { objectivesByProgram };
}

async function createObjective(
  context: DemoContext,
  body: {
    title: string;
    description: string;
    ownerId: string;
    periodId: string;
    parentId: string | null;
  },
): Promise<string> {
  const objective = await demoStep(`objective ${body.title}`, () =>
    context.app
      .get(ObjectivesService)
      .create(
        context.workspaceId,
        context.actor,
        validRequest(createObjectiveRequestSchema, body, 'objective'),
      ),
  );
  return objective.id;
}

async function createKeyResult(
  context: DemoContext,
  objectiveId: string,
  plan: KeyResultPlan,
): Promise<string> {
  const keyResult = await demoStep(`key result ${plan.title}`, () =>
    context.app.get(KeyResultsService).create(
      context.workspaceId,
      context.actor,
      validRequest(
        createKeyResultRequestSchema,
        {
          objectiveId,
          title: plan.title,
          kind: plan.kind,
          unit: plan.unit,
          ...(plan.kind === 'milestone' ? {} : { baseline: plan.baseline ?? null }),
          target: plan.target,
          metricKey: plan.metricKey ?? null,
        },
        `key result ${plan.title}`,
      ),
    ),
  );
  return keyResult.id;
}

type Period = { start: string; end: string };

/** Checks in every week of the period that has begun, as the owner would. */
async function checkInWeekly(
  context: DemoContext,
  keyResultId: string,
  plan: KeyResultPlan,
  period: { start: string; end: string },
  values: KpiValues,
  rng: Prng,
): Promise<void> {
  const length = Math.max(1, daysBetween(period.start, period.end));
  for (const day of checkInDays(period, context.today)) {
    const elapsed = daysBetween(period.start, day) / length;
    const value =
      plan.kind === 'milestone'
        ? plan.doneAt !== undefined && elapsed >= plan.doneAt
          ? 1
          : 0
        : (values.get(plan.metricKey ?? '')?.get(day) ?? plan.baseline ?? 0);
    const confidence = confidenceOf(plan, value, elapsed);
    await demoStep(`check-in of ${plan.title}`, () =>
      context.app
        .get(CheckInsService)
        .create(
          context.workspaceId,
          context.actor,
          keyResultId,
          validRequest(
            createCheckInRequestSchema,
            { value, confidence, note: rng.pick(NOTES[confidence]), date: day },
            'check-in',
          ),
        ),
    );
  }
}

/** How the owner feels: progress against the share of the period gone by. */
function confidenceOf(plan: KeyResultPlan, value: number, elapsed: number) {
  if (plan.kind === 'milestone') {
    if (value === 1 || elapsed < 0.5) return 'on-track' as const;
    return elapsed < 0.8 ? ('at-risk' as const) : ('off-track' as const);
  }
  const baseline = plan.baseline ?? 0;
  const progress = plan.target === baseline ? 1 : (value - baseline) / (plan.target - baseline);
  if (progress >= elapsed - 0.1) return 'on-track' as const;
  return progress >= elapsed - 0.35 ? ('at-risk' as const) : ('off-track' as const);
}

/** The demo's two OKR periods: the quarter `today` is in and the one before it. */
export function demoPeriods(today: string): Record<'previous' | 'current', Period> {
  const currentStart = quarterStart(today);
  const previousStart = quarterStart(addDays(currentStart, -1));
  const endOf = (start: string) => addDays(quarterStart(addDays(start, 95)), -1);
  return {
    previous: { start: previousStart, end: endOf(previousStart) },
    current: { start: currentStart, end: endOf(currentStart) },
  };
}

/**
 * The days a key result's owner checks in: a kick-off on the period's first day, so a key
 * result has a check-in from day one of its quarter, then every Thursday (the owner's weekly
 * routine) — none after the period or after today.
 */
export function checkInDays(period: Period, today: string): string[] {
  const last = period.end < today ? period.end : today;
  const days = [period.start];
  for (let day = firstThursday(addDays(period.start, 1)); day <= last; day = addDays(day, 7)) {
    days.push(day);
  }
  return days;
}

function quarterStart(day: string): string {
  const month = Number(day.slice(5, 7));
  const first = Math.floor((month - 1) / 3) * 3 + 1;
  return `${day.slice(0, 4)}-${String(first).padStart(2, '0')}-01`;
}

function quarterName(start: string): string {
  return `${start.slice(0, 4)} Q${Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1}`;
}

function firstThursday(day: string): string {
  return addDays(day, (4 - weekdayOf(day) + 7) % 7);
}
