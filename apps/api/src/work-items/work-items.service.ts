import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  WorkItemDetail,
  WorkItemPage,
  WorkItemQuery,
  WorkItemTypes,
} from '@bearing/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { ProblemException } from '../common/problem/problem.js';
import { findTeam } from '../teams/team.repository.js';
import { findTeamWorkItem, workItemChanges } from './work-item-detail.repository.js';
import { toWorkItemDetail, toWorkItemResponse } from './work-item.mapper.js';
import { listWorkItems, typesOfTeam } from './work-item-list.repository.js';
import { sprintsEverOf } from './work-item-history.repository.js';

/** A team's work items, as imported; read-only (imports write them). */
@Injectable()
export class WorkItemsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Filtered by type, status, sprint or text and ordered as asked; newest first by default. */
  async list(workspaceId: string, teamRef: string, query: WorkItemQuery): Promise<WorkItemPage> {
    const manager = this.dataSource.manager;
    const team = await findTeam(manager, workspaceId, teamRef);
    const page = await listWorkItems(manager, { workspaceId, teamId: team.id }, query);
    const sprints = await sprintIdsOf(
      manager,
      workspaceId,
      page.items.map((item) => item.id),
    );
    return {
      items: page.items.map((item) =>
        toWorkItemResponse(item, sprints.get(item.id) ?? [], team.jiraSite),
      ),
      nextCursor: page.nextCursor,
    };
  }

  /** The types of the team's items, A–Z. */
  async types(workspaceId: string, teamRef: string): Promise<WorkItemTypes> {
    const manager = this.dataSource.manager;
    const team = await findTeam(manager, workspaceId, teamRef);
    return { types: await typesOfTeam(manager, { workspaceId, teamId: team.id }) };
  }

  /** One item with its whole history; a 404 once Jira removed it. */
  async get(workspaceId: string, teamRef: string, itemId: string): Promise<WorkItemDetail> {
    const manager = this.dataSource.manager;
    const team = await findTeam(manager, workspaceId, teamRef);
    const item = await findTeamWorkItem(manager, { workspaceId, teamId: team.id }, itemId);
    if (!item) throw ProblemException.notFound('There is no such work item in this team.');
    // Left out as the list and every metric leave it out; said, as a link to it may be old.
    if (item.removedAt) {
      throw ProblemException.notFound(
        `${item.key} is no longer in Jira's selection for this team (deleted or moved) since ${item.removedAt.toISOString().slice(0, 10)}; its numbers leave it out.`,
      );
    }
    const [changes, sprints] = await Promise.all([
      workItemChanges(manager, item.id),
      sprintIdsOf(manager, workspaceId, [item.id]),
    ]);
    return toWorkItemDetail(item, sprints.get(item.id) ?? [], team.jiraSite, changes);
  }
}

/** Every sprint each item was ever in, oldest sprint first. */
async function sprintIdsOf(
  manager: EntityManager,
  workspaceId: string,
  itemIds: string[],
): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (itemIds.length === 0) return result;
  const rows = await sprintsEverOf(manager, workspaceId, itemIds);
  for (const row of rows) {
    const list = result.get(row.work_item_id) ?? [];
    list.push(row.sprint_id);
    result.set(row.work_item_id, list);
  }
  return result;
}
