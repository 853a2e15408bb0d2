import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createGuardrailRequestSchema, createMetricRequestSchema } from '@bearing/contracts';
import { addDays, weekdayOf } from '@bearing/metrics';
import { GuardrailsService } from '../guardrails/guardrails.service.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { PointsService } from '../metrics/points/points.service.js';
import { checkpoint, type DemoContext, demoStep, validRequest } from './demo-context.js';
import { DEMO_GUARDRAILS, DEMO_KPIS, type DemoKpiPlan, KPI_HISTORY_DAYS } from './demo-plan.js';
import { type Prng, round } from './prng.js';

/** The KPI values by metric key and day, for check-ins that quote them. */
export type KpiValues = ReadonlyMap<string, ReadonlyMap<string, number>>;

export type SeededKpis = { values: KpiValues; guardrailIds: Map<string, string> };

/** Days of points uploaded after the guardrails exist, week by week, so they have a history. */
const WATCHED_DAYS = 56;

/**
 * A dozen KPIs with a daily point for the last 400 days — trend, weekly rhythm, noise and a few
 * real shifts that XmR flags — uploaded through the points service; the guardrails are created
 * part-way, so the later uploads record their status changes as they would in real life.
 */
export async function seedKpis(context: DemoContext): Promise<SeededKpis> {
  const metrics = context.app.get(MetricsService);
  for (const kpi of DEMO_KPIS) {
    await demoStep(`metric ${kpi.key}`, () =>
      metrics.create(
        context.workspaceId,
        context.actor,
        validRequest(
          createMetricRequestSchema,
          {
            key: kpi.key,
            name: kpi.name,
            unit: kpi.unit,
            category: kpi.category,
            direction: kpi.direction,
            description: kpi.description,
          },
          `metric ${kpi.key}`,
        ),
      ),
    );
  }
  const values = new Map(
    DEMO_KPIS.map((kpi) => [
      kpi.key,
      series(kpi, context.today, context.rng.fork(`kpi:${kpi.key}`)),
    ]),
  );
  const firstWatched = addDays(context.today, 1 - WATCHED_DAYS);
  await uploadPoints(context, values, (day) => day < firstWatched, 'history');
  checkpoint(context);

  const guardrailIds = new Map<string, string>();
  for (const guardrail of DEMO_GUARDRAILS) {
    const created = await demoStep(`guardrail on ${guardrail.metricKey}`, () =>
      context.app
        .get(GuardrailsService)
        .create(
          context.workspaceId,
          context.actor,
          validRequest(
            createGuardrailRequestSchema,
            { ...guardrail, threshold: { ...guardrail.threshold } },
            `guardrail on ${guardrail.metricKey}`,
          ),
        ),
    );
    guardrailIds.set(guardrail.metricKey, created.id);
  }
  for (let week = 0; week < WATCHED_DAYS / 7; week++) {
    const from = addDays(firstWatched, week * 7);
    const to = addDays(from, 6);
    await uploadPoints(context, values, (day) => day >= from && day <= to, `week of ${from}`);
  }
  return { values, guardrailIds };
}

async function uploadPoints(
  context: DemoContext,
  values: KpiValues,
  include: (day: string) => boolean,
  what: string,
): Promise<void> {
  const body = [...values].flatMap(([metric, byDay]) =>
    [...byDay]
      .filter(([day]) => include(day))
      .map(([day, value]) => ({ metric, timestamp: day, value })),
  );
  if (body.length === 0) return;
  // Uploaded as the route receives a body: a file the service reads on a worker thread.
  const file = path.join(tmpdir(), `bearing-demo-points-${randomUUID()}.json`);
  await writeFile(file, JSON.stringify(body), { mode: 0o600 });
  try {
    await demoStep(`points (${what})`, () =>
      context.app
        .get(PointsService)
        .importForMetrics(context.workspaceId, context.actor, { format: 'json', path: file }),
    );
  } finally {
    await rm(file, { force: true });
  }
}

/** One value a day, oldest first, ending today. */
function series(kpi: DemoKpiPlan, today: string, rng: Prng): Map<string, number> {
  const byDay = new Map<string, number>();
  for (let daysAgo = KPI_HISTORY_DAYS - 1; daysAgo >= 0; daysAgo--) {
    const day = addDays(today, -daysAgo);
    const weekday = weekdayOf(day);
    const shifted = kpi.shifts.reduce(
      (level, shift) => (daysAgo < shift.daysAgo ? level + shift.by : level),
      kpi.start + kpi.trend * (KPI_HISTORY_DAYS - 1 - daysAgo),
    );
    const weekend = weekday === 0 || weekday === 6 ? kpi.weekend : 0;
    const value =
      daysAgo === 0 && kpi.latest !== undefined
        ? kpi.latest
        : shifted + weekend + kpi.noise * rng.normal();
    byDay.set(day, round(value, kpi.digits));
  }
  return byDay;
}
