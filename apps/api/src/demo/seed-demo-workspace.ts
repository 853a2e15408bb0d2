import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/caller.js';
import { auditEventRecorded, recordAuditEvent } from '../audit/audit.repository.js';
import { ClockService } from '../common/clock/clock.service.js';
import type { DemoContext } from './demo-context.js';
import { DEFAULT_DEMO_SEED } from './demo-plan.js';
import { Prng } from './prng.js';
import { seedKpis } from './seed-kpis.js';
import { seedOkrs } from './seed-okrs.js';
import { seedPrograms } from './seed-programs.js';
import { seedReports } from './seed-reports.js';
import { seedTeams } from './seed-teams.js';

export type SeedDemoOptions = {
  workspaceId: string;
  /** Who the demo's records are by: the workspace's admin. */
  actor: Actor;
  seed?: number;
  /** `YYYY-MM-DD`; default the application clock's today. */
  today?: string;
  /** Asked between steps; true stops the seeding with `DemoSeedingStopped`. */
  stopRequested?: () => boolean;
};

/**
 * Fills a workspace with the streaming-company demo, writing everything through the
 * application's own services (and the Jira importer), so the demo obeys every rule real data
 * does. Deterministic: the same seed and the same today give the same workspace. The last
 * write records `demo.seeded`; a workspace without it was not finished (see `isDemoSeeded`).
 */
export async function seedDemoWorkspace(
  app: INestApplicationContext,
  options: SeedDemoOptions,
): Promise<void> {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const context: DemoContext = {
    app,
    workspaceId: options.workspaceId,
    actor: options.actor,
    today: options.today ?? app.get(ClockService).today(),
    rng: new Prng(seed),
    stopRequested: options.stopRequested ?? (() => false),
  };
  const ownerId = options.actor.userId;
  const teams = await seedTeams(context);
  const kpis = await seedKpis(context);
  const okrs = await seedOkrs(context, ownerId, kpis.values);
  const programs = await seedPrograms(
    context,
    ownerId,
    teams,
    okrs.objectivesByProgram,
    kpis.guardrailIds,
  );
  await seedReports(context, programs);
  await app.get(DataSource).transaction((manager) =>
    recordAuditEvent(manager, {
      workspaceId: context.workspaceId,
      actor: context.actor,
      action: 'demo.seeded',
      target: { type: 'workspace', id: context.workspaceId },
      details: { seed, today: context.today },
    }),
  );
}

/** Whether seeding of the workspace ran to its end. */
export async function isDemoSeeded(dataSource: DataSource, workspaceId: string): Promise<boolean> {
  return auditEventRecorded(dataSource.manager, workspaceId, 'demo.seeded');
}
