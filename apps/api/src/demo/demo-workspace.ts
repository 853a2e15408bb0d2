import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { DEMO_WORKSPACE } from './demo-workspace-identity.js';
import { oldestUser } from '../accounts/user.repository.js';
import type { Workspace } from '../workspaces/workspace.entity.js';
import {
  deleteWorkspace,
  insertMemberships,
  membershipsOldestFirst,
  oldestAdmin,
  workspaceBySlug,
} from '../workspaces/workspace.repository.js';
import { insertWorkspaceWithAdmin } from '../workspaces/workspaces.service.js';
import { DemoSeedingStopped } from './demo-context.js';
import { isDemoSeeded, seedDemoWorkspace, type SeedDemoOptions } from './seed-demo-workspace.js';
import { tryLockForSession, unlockForSession } from '../database/advisory-lock.repository.js';
import { isSerializationFailure } from '../database/postgres-errors.js';
import { hasDemoContent } from './demo-workspace.repository.js';

/** Held (session-scoped) while one process seeds, so parallel starts do not seed twice. */
const DEMO_SEED_LOCK_KEY = 7_366_504_714;

export type DemoOutcome =
  'seeded' | 'already-seeded' | 'no-demo-workspace' | 'seeding-elsewhere' | 'stopped';

type SeedOptions = Pick<SeedDemoOptions, 'seed' | 'today' | 'stopRequested'> & {
  /** Told once the seeding really begins (not when there is nothing to do). */
  onStart?: () => void;
};

/**
 * Start-up in demo mode: seeds the demo workspace unless a seeding already finished. A
 * workspace left half-filled (a crash or a Ctrl-C in the middle) is emptied and seeded again.
 * A stop request ends the seeding between two steps with `'stopped'`; the next start finishes
 * the job.
 */
export async function ensureDemoSeeded(
  app: INestApplicationContext,
  dataSource: DataSource,
  options: SeedOptions = {},
): Promise<DemoOutcome> {
  const workspace = await workspaceBySlug(dataSource.manager, DEMO_WORKSPACE.slug);
  if (!workspace) return 'no-demo-workspace';
  if (await isDemoSeeded(dataSource, workspace.id)) return 'already-seeded';
  return withSeedLock(dataSource, async () => {
    // Another process may have finished while this one waited for the database.
    if (await isDemoSeeded(dataSource, workspace.id)) return 'already-seeded';
    const target = (await hasDemoContent(dataSource.manager, workspace.id))
      ? await dataSource.transaction((manager) => recreateDemoWorkspace(manager))
      : workspace;
    return seedInto(app, dataSource, target, options);
  });
}

/**
 * `npm run demo:reset`: deletes the demo workspace with everything in it (the database
 * cascades from the workspace row) and seeds it again; its members keep their access. Creates
 * it (with the first user as admin) when it does not exist.
 */
export async function resetDemoWorkspace(
  app: INestApplicationContext,
  dataSource: DataSource,
  options: SeedOptions = {},
): Promise<DemoOutcome> {
  return withSeedLock(dataSource, async () => {
    const workspace = await retryingLostRaces(() =>
      dataSource.transaction((manager) => recreateDemoWorkspace(manager)),
    );
    return seedInto(app, dataSource, workspace, options);
  });
}

/**
 * The reset deletes a whole workspace while work in the background may still write to it (a
 * team's flow rows rebuilt for a query or an alert rule's run, a queued refresh): the database
 * then aborts one side of a deadlock. The reset is run again, up to three times in all.
 */
async function retryingLostRaces<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isSerializationFailure(error)) throw error;
    }
  }
}

async function seedInto(
  app: INestApplicationContext,
  dataSource: DataSource,
  workspace: Workspace,
  options: SeedOptions,
): Promise<DemoOutcome> {
  const admin = await oldestAdmin(dataSource.manager, workspace.id);
  if (!admin) throw new Error(`the ${DEMO_WORKSPACE.slug} workspace has no admin to seed it as`);
  options.onStart?.();
  try {
    await seedDemoWorkspace(app, {
      seed: options.seed,
      today: options.today,
      stopRequested: options.stopRequested,
      workspaceId: workspace.id,
      actor: { userId: admin.userId, tokenId: null, requestId: null },
    });
    return 'seeded';
  } catch (error) {
    if (error instanceof DemoSeedingStopped) return 'stopped';
    throw error;
  }
}

/** Deletes the demo workspace (if any) and creates it again, empty, with the same members. */
async function recreateDemoWorkspace(manager: EntityManager): Promise<Workspace> {
  const existing = await workspaceBySlug(manager, DEMO_WORKSPACE.slug);
  const members = existing ? await membershipsOldestFirst(manager, existing.id) : [];
  if (existing) await deleteWorkspace(manager, existing.id);
  const adminId =
    members.find((member) => member.role === 'admin')?.userId ?? (await oldestUser(manager))?.id;
  if (!adminId) throw new Error('there is no user yet: start Bearing once to create the admin');
  const workspace = await insertWorkspaceWithAdmin(
    manager,
    { slug: DEMO_WORKSPACE.slug, name: existing?.name ?? DEMO_WORKSPACE.name },
    { userId: adminId, tokenId: null, requestId: null },
  );
  await insertMemberships(
    manager,
    workspace.id,
    members.filter((member) => member.userId !== adminId),
  );
  return workspace;
}

/** Runs `work` holding the seeding lock; `'seeding-elsewhere'` when another process holds it. */
async function withSeedLock(
  dataSource: DataSource,
  work: () => Promise<DemoOutcome>,
): Promise<DemoOutcome> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    if (!(await tryLockForSession(runner, DEMO_SEED_LOCK_KEY))) return 'seeding-elsewhere';
    try {
      return await work();
    } finally {
      await unlockForSession(runner, DEMO_SEED_LOCK_KEY);
    }
  } finally {
    await runner.release();
  }
}
