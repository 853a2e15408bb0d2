import { jest } from '@jest/globals';
import type {
  KeyResultKind,
  MetricCategory,
  MetricDirection,
  ObjectiveStatus,
} from '@bearing/contracts';
import { randomUUID } from 'node:crypto';
import { ClockService } from '../../src/common/clock/clock.service.js';
import { Guardrail } from '../../src/guardrails/guardrail.entity.js';
import { Metric } from '../../src/metrics/metric.entity.js';
import { MetricSignalsService } from '../../src/metrics/signals/metric-signals.service.js';
import { KeyResult } from '../../src/okrs/key-results/key-result.entity.js';
import { Objective } from '../../src/okrs/objectives/objective.entity.js';
import { Period } from '../../src/okrs/periods/period.entity.js';
import type { TestUser, TestWorkspace } from './factories.js';
import type { TestApp } from './test-app.js';

/**
 * Builders for OKR, metric and guardrail tests. Like factories.ts, set-up rows go straight to
 * the database; what a test is about goes through HTTP.
 */

/** Pins the API's clock (`ClockService`) so "today" is `day` (at noon UTC) until `restore`. */
export function pinToday(testApp: TestApp, day: string): { restore(): void } {
  const spy = jest
    .spyOn(testApp.app.get(ClockService), 'now')
    .mockReturnValue(new Date(`${day}T12:00:00.000Z`));
  return { restore: () => spy.mockRestore() };
}

export async function createPeriod(
  { dataSource }: TestApp,
  workspace: TestWorkspace,
  fields: { name?: string; start: string; end: string },
): Promise<Period> {
  return dataSource
    .getRepository(Period)
    .save({ workspaceId: workspace.id, name: fields.name ?? `Period ${randomUUID()}`, ...fields });
}

export async function createObjective(
  { dataSource }: TestApp,
  workspace: TestWorkspace,
  owner: TestUser,
  period: Period,
  fields: { title?: string; parentId?: string | null; status?: ObjectiveStatus } = {},
): Promise<Objective> {
  return dataSource.getRepository(Objective).save({
    workspaceId: workspace.id,
    ownerUserId: owner.id,
    periodId: period.id,
    title: fields.title ?? `Objective ${randomUUID()}`,
    description: '',
    parentId: fields.parentId ?? null,
    status: fields.status ?? 'active',
  });
}

export async function createKeyResult(
  { dataSource }: TestApp,
  objective: Objective,
  fields: {
    kind?: KeyResultKind;
    baseline?: number | null;
    target?: number;
    weight?: number;
    metric?: Metric;
    createdAt?: Date;
  } = {},
): Promise<KeyResult> {
  return dataSource.getRepository(KeyResult).save({
    workspaceId: objective.workspaceId,
    objectiveId: objective.id,
    title: `Key result ${randomUUID()}`,
    kind: fields.kind ?? 'increase',
    unit: '',
    baseline: fields.baseline === undefined ? 0 : fields.baseline,
    target: fields.target ?? 100,
    weight: fields.weight ?? 1,
    cadence: 'weekly',
    metricId: fields.metric?.id ?? null,
    ...(fields.createdAt ? { createdAt: fields.createdAt } : {}),
  });
}

export async function createMetric(
  { dataSource }: TestApp,
  workspace: TestWorkspace,
  fields: { key?: string; direction?: MetricDirection; category?: MetricCategory } = {},
): Promise<Metric> {
  return dataSource.getRepository(Metric).save({
    workspaceId: workspace.id,
    key: fields.key ?? `metric-${randomUUID().slice(0, 8)}`,
    name: 'A metric',
    unit: '',
    category: fields.category ?? 'usage',
    direction: fields.direction ?? 'increase-is-good',
    description: '',
  });
}

/**
 * Stores points of `metric` as set-up (no guardrail is evaluated), with the metric-signal read
 * model rebuilt in the same transaction, as every write of points does — unless
 * `{ readModel: false }`: points stored before the read model existed.
 */
export async function insertPoints(
  testApp: TestApp,
  metric: Metric,
  points: readonly { timestamp: string; value: number }[],
  { readModel = true }: { readModel?: boolean } = {},
): Promise<void> {
  await testApp.dataSource.transaction(async (manager) => {
    await manager.query(
      `INSERT INTO "metric_point" ("metric_id", "timestamp", "value")
       SELECT $1, * FROM unnest($2::timestamptz[], $3::double precision[])`,
      [metric.id, points.map(({ timestamp }) => timestamp), points.map(({ value }) => value)],
    );
    if (readModel) {
      await testApp.app
        .get(MetricSignalsService)
        .refresh(manager, [{ id: metric.id, workspaceId: metric.workspaceId }]);
    }
  });
}

/** Every metric point of `metric`, oldest first, as the database holds them. */
export async function storedPoints(
  { dataSource }: TestApp,
  metric: { id: string },
): Promise<{ timestamp: string; value: number }[]> {
  const rows: { timestamp: Date; value: number }[] = await dataSource.query(
    `SELECT "timestamp", "value" FROM "metric_point" WHERE "metric_id" = $1 ORDER BY "timestamp"`,
    [metric.id],
  );
  return rows.map(({ timestamp, value }) => ({ timestamp: timestamp.toISOString(), value }));
}

export async function createGuardrail(
  { dataSource }: TestApp,
  metric: Metric,
  fields: { baseline?: number; threshold?: { type: 'absolute' | 'relative'; value: number } } = {},
): Promise<Guardrail> {
  const threshold = fields.threshold ?? { type: 'absolute', value: 1 };
  return dataSource.getRepository(Guardrail).save({
    workspaceId: metric.workspaceId,
    metricId: metric.id,
    baseline: fields.baseline ?? 0,
    thresholdType: threshold.type,
    thresholdValue: threshold.value,
    warnAt: null,
    status: null,
  });
}

/**
 * `id:version` of every edited record of the OKR, metric and guardrail tables in `workspace`:
 * an edit that got through anywhere shows up here even where row counts stay the same.
 */
export async function okrRecordVersions(
  { dataSource }: TestApp,
  workspace: TestWorkspace,
): Promise<Record<string, string>> {
  const versions: Record<string, string> = {};
  for (const table of ['period', 'objective', 'key_result', 'metric', 'guardrail']) {
    const [row]: { versions: string | null }[] = await dataSource.query(
      `SELECT string_agg("id" || ':' || "version", ',' ORDER BY "id") AS "versions"
         FROM "${table}" WHERE "workspace_id" = $1`,
      [workspace.id],
    );
    versions[table] = row?.versions ?? '';
  }
  return versions;
}
