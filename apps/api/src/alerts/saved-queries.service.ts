import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  SavedQuery as SavedQueryResponse,
  SavedQueryInput,
  UpdateSavedQueryRequest,
} from '@bearing/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../access/caller.js';
import { recordAuditEvent } from '../audit/audit.repository.js';
import { ProblemException } from '../common/problem/problem.js';
import { assertVersion } from '../common/problem/stale-version.js';
import { QueriesService } from '../queries/queries.service.js';
import { toSavedQueryResponse } from './alert-rule.mapper.js';
import {
  deleteSavedQuery,
  lockSavedQueryOf,
  savedQueriesOf,
  savedQueryOf,
  saveSavedQuery,
} from './alert.repository.js';
import type { SavedQuery } from './saved-query.entity.js';

/** Queries kept under a name; a query is checked before it is saved. */
@Injectable()
export class SavedQueriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queries: QueriesService,
  ) {}

  async list(workspaceId: string): Promise<SavedQueryResponse[]> {
    return (await savedQueriesOf(this.dataSource.manager, workspaceId)).map(toSavedQueryResponse);
  }

  async create(
    workspaceId: string,
    input: SavedQueryInput,
    actor: Actor,
  ): Promise<SavedQueryResponse> {
    this.queries.columnsOf(workspaceId, input.query);
    return this.dataSource.transaction(async (manager) => {
      const saved = await saveSavedQuery(manager, { workspaceId, ...input });
      await this.audit(manager, workspaceId, actor, 'saved-query.created', saved);
      return toSavedQueryResponse(saved);
    });
  }

  /**
   * Replaces a saved query's name and text. The caller's `version` must be the stored one: someone
   * else's save since they loaded it is a 409 and nothing changes (optimistic concurrency).
   */
  async update(
    workspaceId: string,
    id: string,
    { version, ...input }: UpdateSavedQueryRequest,
    actor: Actor,
  ): Promise<SavedQueryResponse> {
    this.queries.columnsOf(workspaceId, input.query);
    return this.dataSource.transaction(async (manager) => {
      // Locked before the version check, so two saves of the same version cannot both pass it.
      const query = await lockSavedQueryOf(manager, workspaceId, id);
      if (!query) throw notFound();
      assertVersion('saved query', query.version, version);
      const saved = await saveSavedQuery(manager, { ...query, ...input });
      await this.audit(manager, workspaceId, actor, 'saved-query.updated', saved);
      return toSavedQueryResponse(saved);
    });
  }

  async remove(workspaceId: string, id: string, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const query = await this.find(manager, workspaceId, id);
      await this.audit(manager, workspaceId, actor, 'saved-query.deleted', query);
      await deleteSavedQuery(manager, query);
    });
  }

  private async find(manager: EntityManager, workspaceId: string, id: string): Promise<SavedQuery> {
    const query = await savedQueryOf(manager, workspaceId, id);
    if (!query) throw notFound();
    return query;
  }

  private audit(
    manager: EntityManager,
    workspaceId: string,
    actor: Actor,
    action: 'saved-query.created' | 'saved-query.updated' | 'saved-query.deleted',
    query: SavedQuery,
  ): Promise<void> {
    return recordAuditEvent(manager, {
      workspaceId,
      actor,
      action,
      target: { type: 'saved-query', id: query.id },
      details: { name: query.name },
    });
  }
}

const notFound = () => ProblemException.notFound('No such saved query in this workspace.');
