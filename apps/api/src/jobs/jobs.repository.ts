import type { EntityManager } from 'typeorm';
import { JOB_SCHEMA } from './job-queue.service.js';

/** A row of the queue's job table, as the jobs page reads it. */
export type JobRow = {
  id: string;
  name: string;
  state: string;
  retry_count: number;
  output: unknown;
  created_on: Date;
  started_on: Date | null;
  completed_on: Date | null;
};

const COLUMNS = `id, name, state::text AS state, retry_count, output, created_on, started_on, completed_on`;

/**
 * A workspace's jobs (jobs carry their workspace in their payload) — or, for `null`, the jobs of
 * no workspace (housekeeping, scheduler ticks) — newest first, keyset-paged on (created_on, id);
 * `states` are the queue's own state names.
 */
export async function selectWorkspaceJobs(
  manager: EntityManager,
  workspaceId: string | null,
  filter: {
    states?: readonly string[];
    kind?: string;
    after?: { createdAt: string; id: string };
    limit: number;
  },
): Promise<JobRow[]> {
  const values: unknown[] = [];
  const parameter = (value: unknown) => `$${values.push(value)}`;
  const conditions = [
    workspaceId === null
      ? `data->>'workspaceId' IS NULL`
      : `data->>'workspaceId' = ${parameter(workspaceId)}`,
  ];
  if (filter.states) conditions.push(`state::text = ANY(${parameter(filter.states)}::text[])`);
  if (filter.kind) conditions.push(`name = ${parameter(filter.kind)}`);
  if (filter.after) {
    conditions.push(
      `(created_on, id) < (${parameter(filter.after.createdAt)}::timestamptz, ${parameter(filter.after.id)}::uuid)`,
    );
  }
  return manager.query(
    `SELECT ${COLUMNS}
       FROM ${JOB_SCHEMA}.job
      WHERE ${conditions.join(' AND ')}
      ORDER BY created_on DESC, id DESC
      LIMIT ${parameter(filter.limit)}`,
    values,
  );
}

export async function findWorkspaceJob(
  manager: EntityManager,
  workspaceId: string,
  id: string,
): Promise<JobRow | undefined> {
  const rows: JobRow[] = await manager.query(
    `SELECT ${COLUMNS} FROM ${JOB_SCHEMA}.job WHERE id = $1 AND data->>'workspaceId' = $2`,
    [id, workspaceId],
  );
  return rows[0];
}

/**
 * The workspace's job `id`, locked for the rest of the transaction (a worker that fetches jobs
 * skips it meanwhile), so two retries of one job cannot both pass the "it failed" check.
 */
export async function lockWorkspaceJob(
  manager: EntityManager,
  workspaceId: string,
  id: string,
): Promise<JobRow | undefined> {
  const rows: JobRow[] = await manager.query(
    `SELECT ${COLUMNS} FROM ${JOB_SCHEMA}.job
      WHERE id = $1 AND data->>'workspaceId' = $2
      FOR UPDATE`,
    [id, workspaceId],
  );
  return rows[0];
}
