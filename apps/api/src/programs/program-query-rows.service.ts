import { Injectable } from '@nestjs/common';
import { type Day, milestoneSlipDays } from '@bearing/metrics';
import type { EntityManager } from 'typeorm';
import { daysOverdue } from './dependencies/dependency.mapper.js';
import { describeParties } from './dependencies/dependency-parties.repository.js';
import { LinkedRecords } from './linked-records.service.js';
import {
  workspaceDependencies,
  workspaceMilestones,
  workspaceRaidItems,
} from './program-query-rows.repository.js';
import { raidScore } from './raid/raid-history.js';

/**
 * The rows of the query language's `Milestones`, `RaidItems` and `Dependencies` tables: each
 * program's records with the figures its pages show — a milestone's slip, a RAID item's score,
 * whether a dependency is overdue — computed by the same functions the pages' mappers call.
 * Run inside the caller's (read-only) transaction.
 */
@Injectable()
export class ProgramQueryRows {
  constructor(private readonly linkedRecords: LinkedRecords) {}

  /** `slipDays` as the milestones page gives it on `today` (a UTC day, as the clock's). */
  async milestones(manager: EntityManager, workspaceId: string, today: Day) {
    const records = await workspaceMilestones(manager, workspaceId);
    return records.map((record) => ({
      ...record,
      slipDays: milestoneSlipDays({ ...record, asOf: today }),
    }));
  }

  async raidItems(manager: EntityManager, workspaceId: string) {
    const records = await workspaceRaidItems(manager, workspaceId);
    return records.map((record) => ({ ...record, score: raidScore(record) }));
  }

  /** `overdue` as the dependencies page judges it on `today` (a UTC day, as the clock's). */
  async dependencies(manager: EntityManager, workspaceId: string, today: Day) {
    const records = await workspaceDependencies(manager, workspaceId);
    const describe = await describeParties(
      manager,
      this.linkedRecords,
      workspaceId,
      records.flatMap((record) => [
        { kind: record.fromKind, id: record.fromId },
        { kind: record.toKind, id: record.toId },
      ]),
    );
    return records.map(({ fromKind, fromId, toKind, toId, ...record }) => ({
      ...record,
      from: describe({ kind: fromKind, id: fromId }).name,
      to: describe({ kind: toKind, id: toId }).name,
      overdue: daysOverdue(record, today) > 0,
    }));
  }
}
