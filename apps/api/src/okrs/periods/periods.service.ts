import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CreatePeriodRequest,
  PageQuery,
  Period as PeriodResponse,
  PeriodPage,
  UpdatePeriodRequest,
} from '@bearing/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../../access/caller.js';
import { recordAuditEvent } from '../../audit/audit.repository.js';
import { findPeriod, invalid, lockForEdit } from '../okr.repository.js';
import { toPeriodResponse } from './period.mapper.js';
import { insertPeriod, periodPage, savePeriod } from './period.repository.js';
import { staleVersion } from '../../common/problem/stale-version.js';

/** Periods of one workspace; every query filters by the workspace id. */
@Injectable()
export class PeriodsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Latest start first, keyset-paged on (start, id). */
  async list(workspaceId: string, { limit, cursor }: PageQuery): Promise<PeriodPage> {
    const { rows, nextCursor } = await periodPage(this.dataSource.manager, workspaceId, {
      cursor,
      limit,
    });
    return { items: rows.map(toPeriodResponse), nextCursor };
  }

  async get(workspaceId: string, id: string): Promise<PeriodResponse> {
    return toPeriodResponse(await findPeriod(this.dataSource.manager, workspaceId, id));
  }

  async create(
    workspaceId: string,
    actor: Actor,
    request: CreatePeriodRequest,
  ): Promise<PeriodResponse> {
    return this.dataSource.transaction(async (manager) => {
      const period = await insertPeriod(manager, { workspaceId, ...request });
      await recordAuditEvent(manager, {
        workspaceId,
        actor,
        action: 'period.created',
        target: { type: 'period', id: period.id },
        details: { ...request },
      });
      return toPeriodResponse(period);
    });
  }

  /** Edits a period; the resulting end may not be before its start. */
  async update(
    workspaceId: string,
    actor: Actor,
    id: string,
    { version, ...changes }: UpdatePeriodRequest,
  ): Promise<PeriodResponse> {
    return this.dataSource.transaction(async (manager) => {
      await lockForEdit(manager, 'period', workspaceId, id);
      const period = await findPeriod(manager, workspaceId, id);
      if (period.version !== version) throw staleVersion('period', period.version, version);
      Object.assign(period, changes);
      if (period.end < period.start) throw invalid('end', 'must not be before start');
      const saved = await savePeriod(manager, period);
      await recordAuditEvent(manager, {
        workspaceId,
        actor,
        action: 'period.updated',
        target: { type: 'period', id },
        details: { changes },
      });
      return toPeriodResponse(saved);
    });
  }
}
