import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CreateRaidItemRequest,
  RaidItemDetail,
  RaidItemPage,
  RaidListQuery,
  UpdateRaidItemRequest,
} from '@bearing/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../access/caller.js';
import { recordAuditEvent } from '../../audit/audit.repository.js';
import { ClockService } from '../../common/clock/clock.service.js';
import { changeInstant } from '../change-instant.js';
import { assertMember, findProgram, lockProgramRecord } from '../program.repository.js';
import { publishHighRaidItem } from './raid-notice.js';
import { diffRaidState, type RaidState, raidStateOf } from './raid-history.js';
import type { RaidItemChange } from './raid-item-change.entity.js';
import { toRaidItemDetail, toRaidItemResponse } from './raid-item.mapper.js';
import {
  findRaidItem,
  insertRaidChange,
  insertRaidItem,
  lastRaidChangeAt,
  raidItemHistory,
  raidItemPage,
  updateRaidItem,
} from './raid-item.repository.js';
import { staleVersion } from '../../common/problem/stale-version.js';

/** A RAID item's score and tracked state, for other features' reports. */
export { raidScore, raidStateBefore, raidStateOf } from './raid-history.js';

type ProgramScope = { workspaceId: string; programId: string };

/** The RAID log of one program of one workspace; every query filters by both. */
@Injectable()
export class RaidService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: ClockService,
  ) {}

  /** Oldest first, keyset-paged on (created_at, id). */
  async list(
    { workspaceId, programId }: ProgramScope,
    { limit, cursor, kind, status }: RaidListQuery,
  ): Promise<RaidItemPage> {
    const manager = this.dataSource.manager;
    await findProgram(manager, workspaceId, programId);
    const { rows, nextCursor } = await raidItemPage(
      manager,
      { workspaceId, programId },
      { kind, status },
      { cursor, limit },
    );
    return { items: rows.map(toRaidItemResponse), nextCursor };
  }

  async get(scope: ProgramScope, id: string): Promise<RaidItemDetail> {
    const manager = this.dataSource.manager;
    await findProgram(manager, scope.workspaceId, scope.programId);
    return detailFor(manager, scope, id);
  }

  async create(
    scope: ProgramScope,
    actor: Actor,
    request: CreateRaidItemRequest,
  ): Promise<RaidItemDetail> {
    return this.dataSource.transaction(async (manager) => {
      const program = await findProgram(manager, scope.workspaceId, scope.programId);
      if (request.ownerId !== null) {
        await assertMember(manager, scope.workspaceId, request.ownerId, 'ownerId');
      }
      // Instants from the clock, like every instant reports compare with "this week".
      const now = this.clock.now();
      const item = await insertRaidItem(manager, {
        ...scope,
        createdAt: now,
        kind: request.kind,
        title: request.title,
        probability: request.probability,
        impact: request.impact,
        ownerUserId: request.ownerId,
        mitigation: request.mitigation,
        status: request.status,
        dueDate: request.dueDate,
      });
      await recordChange(
        manager,
        actor,
        now,
        item.id,
        'created',
        diffRaidState(null, raidStateOf(item)),
      );
      await recordAuditEvent(manager, {
        workspaceId: scope.workspaceId,
        actor,
        action: 'raid-item.created',
        target: { type: 'raid-item', id: item.id },
        details: { programId: scope.programId, kind: item.kind, title: item.title },
      });
      await publishHighRaidItem(manager, program, item);
      return detailFor(manager, scope, item.id);
    });
  }

  /** Changes the fields given; what changed is added to the item's history. */
  async update(
    scope: ProgramScope,
    actor: Actor,
    id: string,
    { version, ...request }: UpdateRaidItemRequest,
  ): Promise<RaidItemDetail> {
    return this.dataSource.transaction(async (manager) => {
      await lockProgramRecord(manager, 'raid_item', { ...scope, id });
      const item = await findRaidItem(manager, scope, id);
      if (item.version !== version) throw staleVersion('RAID item', item.version, version);
      const before = raidStateOf(item);
      const after: RaidState = {
        kind: request.kind ?? before.kind,
        title: request.title ?? before.title,
        probability: request.probability ?? before.probability,
        impact: request.impact ?? before.impact,
        ownerId: request.ownerId === undefined ? before.ownerId : request.ownerId,
        mitigation: request.mitigation ?? before.mitigation,
        status: request.status ?? before.status,
        dueDate: request.dueDate === undefined ? before.dueDate : request.dueDate,
      };
      const changes = diffRaidState(before, after);
      if (Object.keys(changes).length === 0) return detailFor(manager, scope, id);
      if (changes.ownerId && after.ownerId !== null) {
        await assertMember(manager, scope.workspaceId, after.ownerId, 'ownerId');
      }
      const { ownerId, ...columns } = after;
      await updateRaidItem(manager, scope, id, { ...columns, ownerUserId: ownerId });
      const changedAt = changeInstant(this.clock.now(), await lastRaidChangeAt(manager, id));
      await recordChange(manager, actor, changedAt, id, 'updated', changes);
      await recordAuditEvent(manager, {
        workspaceId: scope.workspaceId,
        actor,
        action: 'raid-item.updated',
        target: { type: 'raid-item', id },
        details: { programId: scope.programId, title: after.title, changes },
      });
      return detailFor(manager, scope, id);
    });
  }
}

async function recordChange(
  manager: EntityManager,
  actor: Actor,
  changedAt: Date,
  raidItemId: string,
  action: RaidItemChange['action'],
  changes: RaidItemChange['changes'],
): Promise<void> {
  await insertRaidChange(manager, {
    raidItemId,
    action,
    changes,
    authorUserId: actor.userId,
    changedAt,
  });
}

async function detailFor(
  manager: EntityManager,
  scope: ProgramScope,
  id: string,
): Promise<RaidItemDetail> {
  const item = await findRaidItem(manager, scope, id);
  const history = await raidItemHistory(manager, id);
  return toRaidItemDetail(item, history);
}
