import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CreateMilestoneRequest,
  Milestone as MilestoneResponse,
  MilestoneListQuery,
  MilestonePage,
  UpdateMilestoneRequest,
} from '@bearing/contracts';
import type { Day } from '@bearing/metrics';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../access/caller.js';
import { recordAuditEvent } from '../../audit/audit.repository.js';
import { ClockService } from '../../common/clock/clock.service.js';
import { changeInstant } from '../change-instant.js';
import { findProgram, invalid, lockProgramRecord } from '../program.repository.js';
import { loadDateChanges } from './milestone-date-change.repository.js';
import { publishMilestoneSlip } from './milestone-notice.js';
import { toMilestoneResponse } from './milestone.mapper.js';
import type { Milestone } from './milestone.entity.js';
import {
  deleteMilestone,
  findMilestone,
  insertDateChange,
  insertMilestone,
  lastDateChangeAt,
  milestonePage,
  updateMilestone,
} from './milestone.repository.js';
import { staleVersion } from '../../common/problem/stale-version.js';

/** Lists page by (baseline_date, id): the baseline never changes, so pages stay stable. */
type ProgramScope = { workspaceId: string; programId: string };

/** Milestones of one program of one workspace; every query filters by both. */
@Injectable()
export class MilestonesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: ClockService,
  ) {}

  async list(
    { workspaceId, programId }: ProgramScope,
    { limit, cursor }: MilestoneListQuery,
  ): Promise<MilestonePage> {
    const manager = this.dataSource.manager;
    await findProgram(manager, workspaceId, programId);
    const { rows, nextCursor } = await milestonePage(
      manager,
      { workspaceId, programId },
      { cursor, limit },
    );
    const history = await loadDateChanges(
      manager,
      workspaceId,
      rows.map(({ id }) => id),
    );
    return {
      items: rows.map((milestone) =>
        toMilestoneResponse(milestone, history.get(milestone.id) ?? [], this.clock.today()),
      ),
      nextCursor,
    };
  }

  async get(scope: ProgramScope, id: string): Promise<MilestoneResponse> {
    const manager = this.dataSource.manager;
    await findProgram(manager, scope.workspaceId, scope.programId);
    return responseFor(manager, await findMilestone(manager, scope, id), this.clock.today());
  }

  /** A new milestone starts on its baseline; every later move comes with a reason. */
  async create(
    scope: ProgramScope,
    actor: Actor,
    request: CreateMilestoneRequest,
  ): Promise<MilestoneResponse> {
    return this.dataSource.transaction(async (manager) => {
      await findProgram(manager, scope.workspaceId, scope.programId);
      if (request.currentDate !== undefined && request.currentDate !== request.baselineDate) {
        throw invalid(
          'currentDate',
          'must equal baselineDate on creation: move it afterwards with PATCH {currentDate, reason}',
        );
      }
      this.refuseFutureCompletion(request.completedAt);
      const milestone = await insertMilestone(manager, {
        ...scope,
        name: request.name,
        baselineDate: request.baselineDate,
        currentDate: request.baselineDate,
        completedAt: request.completedAt,
      });
      await recordAuditEvent(manager, {
        workspaceId: scope.workspaceId,
        actor,
        action: 'milestone.created',
        target: { type: 'milestone', id: milestone.id },
        details: {
          programId: scope.programId,
          name: milestone.name,
          baselineDate: milestone.baselineDate,
        },
      });
      return toMilestoneResponse(milestone, [], this.clock.today());
    });
  }

  /**
   * Removes a milestone added by mistake, with its moves (they cascade). The audit event keeps
   * what it was; published reports keep it as they froze it.
   */
  async remove(scope: ProgramScope, actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await lockProgramRecord(manager, 'milestone', { ...scope, id });
      const milestone = await findMilestone(manager, scope, id);
      const moves = (await loadDateChanges(manager, scope.workspaceId, [id])).get(id) ?? [];
      await deleteMilestone(manager, scope, id);
      await recordAuditEvent(manager, {
        workspaceId: scope.workspaceId,
        actor,
        action: 'milestone.deleted',
        target: { type: 'milestone', id },
        details: {
          programId: scope.programId,
          name: milestone.name,
          baselineDate: milestone.baselineDate,
          currentDate: milestone.currentDate,
          completedAt: milestone.completedAt,
          moves: moves.length,
        },
      });
    });
  }

  /**
   * A completion is a day that has begun somewhere: the user's own today may be a day ahead of
   * UTC's (UTC+14 at most), but a day no time zone has reached is refused (400).
   */
  private refuseFutureCompletion(completedAt: string | null): void {
    if (completedAt === null) return;
    const latest = latestDayAnywhere(this.clock.now());
    if (completedAt > latest) {
      throw invalid(
        'completedAt',
        `must not be in the future: ${completedAt} has not begun anywhere yet (the latest today is ${latest})`,
      );
    }
  }

  /**
   * Renames, moves (`currentDate` + `reason`, kept in the history) or completes a milestone. The
   * baseline is never touched.
   */
  async update(
    scope: ProgramScope,
    actor: Actor,
    id: string,
    { version, name, currentDate, reason, completedAt }: UpdateMilestoneRequest,
  ): Promise<MilestoneResponse> {
    return this.dataSource.transaction(async (manager) => {
      await lockProgramRecord(manager, 'milestone', { ...scope, id });
      const milestone = await findMilestone(manager, scope, id);
      if (milestone.version !== version) {
        throw staleVersion('milestone', milestone.version, version);
      }
      if (completedAt !== undefined && completedAt !== milestone.completedAt) {
        this.refuseFutureCompletion(completedAt);
      }
      const moved = currentDate !== undefined && currentDate !== milestone.currentDate;
      if (moved && reason === undefined) {
        throw invalid('reason', 'is required to move the current date: say why it moved');
      }
      const changes: Partial<Pick<Milestone, 'name' | 'currentDate' | 'completedAt'>> = {};
      if (name !== undefined && name !== milestone.name) changes.name = name;
      if (moved) changes.currentDate = currentDate;
      if (completedAt !== undefined && completedAt !== milestone.completedAt) {
        changes.completedAt = completedAt;
      }
      if (Object.keys(changes).length === 0) {
        return responseFor(manager, milestone, this.clock.today());
      }
      let move: { id: string; from: string; to: string; reason: string } | undefined;
      if (moved && reason !== undefined) {
        const previousAt = await lastDateChangeAt(manager, id);
        const moveId = await insertDateChange(manager, {
          milestoneId: id,
          fromDate: milestone.currentDate,
          toDate: currentDate,
          reason,
          authorUserId: actor.userId,
          // From the clock, like every instant reports compare with "this week".
          changedAt: changeInstant(this.clock.now(), previousAt),
        });
        move = { id: moveId, from: milestone.currentDate, to: currentDate, reason };
      }
      await updateMilestone(manager, scope, id, changes);
      if (move) {
        const program = await findProgram(manager, scope.workspaceId, scope.programId);
        await publishMilestoneSlip(manager, program, milestone, move);
      }
      await recordAuditEvent(manager, {
        workspaceId: scope.workspaceId,
        actor,
        action: 'milestone.updated',
        target: { type: 'milestone', id },
        details: {
          programId: scope.programId,
          name: changes.name ?? milestone.name,
          changes: Object.fromEntries(
            Object.entries(changes).map(([field, to]) => [
              field,
              { from: milestone[field as keyof typeof changes], to },
            ]),
          ),
          ...(moved ? { reason } : {}),
        },
      });
      return responseFor(manager, await findMilestone(manager, scope, id), this.clock.today());
    });
  }
}

/** The day it is where days begin first (UTC+14, Kiribati): the latest "today" anyone has. */
function latestDayAnywhere(now: Date): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}

async function responseFor(
  manager: EntityManager,
  milestone: Milestone,
  today: Day,
): Promise<MilestoneResponse> {
  const history = await loadDateChanges(manager, milestone.workspaceId, [milestone.id]);
  return toMilestoneResponse(milestone, history.get(milestone.id) ?? [], today);
}
