import type { PageQuery } from '@bearing/contracts';
import type { DeepPartial, EntityManager } from 'typeorm';
import { z } from 'zod';
import { keysetPage } from '../common/pagination/keyset-page.js';
import { ProblemException } from '../common/problem/problem.js';
import { JiraConnection } from './jira-connection.entity.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The connection `id` of *this* workspace, or 404; `lock` holds it for the transaction. */
export async function findJiraConnection(
  manager: EntityManager,
  workspaceId: string,
  id: string,
  lock = false,
): Promise<JiraConnection> {
  if (!UUID.test(id)) throw ProblemException.notFound(`There is no Jira connection "${id}" here.`);
  const query = manager
    .getRepository(JiraConnection)
    .createQueryBuilder('connection')
    .where('connection.workspaceId = :workspaceId', { workspaceId })
    .andWhere('connection.id = :id', { id });
  if (lock) query.setLock('pessimistic_write');
  const connection = await query.getOne();
  if (!connection) throw ProblemException.notFound(`There is no Jira connection "${id}" here.`);
  return connection;
}

const namePosition = z.tuple([z.string(), z.string()]);

/** The workspace's connections by name, keyset-paged on (name, id). */
export function jiraConnectionPage(
  manager: EntityManager,
  workspaceId: string,
  page: PageQuery,
): Promise<{ rows: JiraConnection[]; nextCursor: string | null }> {
  const query = manager
    .getRepository(JiraConnection)
    .createQueryBuilder('connection')
    .where('connection.workspaceId = :workspaceId', { workspaceId });
  return keysetPage(query, page, {
    keys: [
      { sort: 'connection.name', valueOf: (row) => row.name },
      { sort: 'connection.id', valueOf: (row) => row.id },
    ],
    direction: 'ASC',
    shape: namePosition,
  });
}

export function insertJiraConnection(
  manager: EntityManager,
  values: DeepPartial<JiraConnection>,
): Promise<JiraConnection> {
  const connections = manager.getRepository(JiraConnection);
  return connections.save(connections.create(values));
}

export function saveJiraConnection(
  manager: EntityManager,
  connection: JiraConnection,
): Promise<JiraConnection> {
  return manager.getRepository(JiraConnection).save(connection);
}

export async function deleteJiraConnection(
  manager: EntityManager,
  workspaceId: string,
  id: string,
): Promise<void> {
  await manager.getRepository(JiraConnection).delete({ id, workspaceId });
}

/** The connection of a source the caller holds (same workspace); gone is an error. */
export function connectionOfWorkspace(
  manager: EntityManager,
  workspaceId: string,
  id: string,
): Promise<JiraConnection> {
  return manager.getRepository(JiraConnection).findOneByOrFail({ id, workspaceId });
}
