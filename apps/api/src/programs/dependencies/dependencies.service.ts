import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CreateProgramDependencyRequest,
  DependencyParty,
  ProgramDependency as ProgramDependencyResponse,
  ProgramDependencyListQuery,
  ProgramDependencyPage,
  UpdateProgramDependencyRequest,
} from '@bearing/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../access/caller.js';
import { recordAuditEvent } from '../../audit/audit.repository.js';
import { ClockService } from '../../common/clock/clock.service.js';
import { LinkedRecords } from '../linked-records.service.js';
import { findProgram, invalid, lockProgramRecord } from '../program.repository.js';
import { assertParty, describeParties } from './dependency-parties.repository.js';
import { isClosedDependency, partiesOf, toDependencyResponse } from './dependency.mapper.js';
import type { ProgramDependency } from './program-dependency.entity.js';
import {
  dependencyPage,
  findDependency,
  insertDependency,
  updateDependency,
} from './program-dependency.repository.js';
import { staleVersion } from '../../common/problem/stale-version.js';

/** How late an open dependency is, whether it is closed, and its two parties, for reports. */
export { daysOverdue, isClosedDependency, partiesOf } from './dependency.mapper.js';

type ProgramScope = { workspaceId: string; programId: string };

const sameParty = (one: DependencyParty, other: DependencyParty) =>
  one.kind === other.kind && one.id === other.id;

/**
 * Dependencies of one program of one workspace; every query filters by both. "Overdue" is judged
 * against the clock's today.
 */
@Injectable()
export class DependenciesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly linkedRecords: LinkedRecords,
    private readonly clock: ClockService,
  ) {}

  /** By need-by date, then id. */
  async list(
    { workspaceId, programId }: ProgramScope,
    { limit, cursor }: ProgramDependencyListQuery,
  ): Promise<ProgramDependencyPage> {
    const manager = this.dataSource.manager;
    await findProgram(manager, workspaceId, programId);
    const { rows, nextCursor } = await dependencyPage(
      manager,
      { workspaceId, programId },
      { cursor, limit },
    );
    const describe = await describeParties(
      manager,
      this.linkedRecords,
      workspaceId,
      rows.flatMap(partiesOf),
    );
    const today = this.clock.today();
    return {
      items: rows.map((dependency) => toDependencyResponse(dependency, describe, today)),
      nextCursor,
    };
  }

  async get(scope: ProgramScope, id: string): Promise<ProgramDependencyResponse> {
    const manager = this.dataSource.manager;
    await findProgram(manager, scope.workspaceId, scope.programId);
    return this.responseFor(manager, await findDependency(manager, scope, id));
  }

  async create(
    scope: ProgramScope,
    actor: Actor,
    request: CreateProgramDependencyRequest,
  ): Promise<ProgramDependencyResponse> {
    return this.dataSource.transaction(async (manager) => {
      await findProgram(manager, scope.workspaceId, scope.programId);
      await this.assertParties(manager, scope.workspaceId, request.from, request.to);
      const dependency = await insertDependency(manager, {
        ...scope,
        fromKind: request.from.kind,
        fromId: request.from.id,
        toKind: request.to.kind,
        toId: request.to.id,
        description: request.description,
        needBy: request.needBy,
        status: request.status,
      });
      await recordAuditEvent(manager, {
        workspaceId: scope.workspaceId,
        actor,
        action: 'dependency.created',
        target: { type: 'dependency', id: dependency.id },
        details: {
          programId: scope.programId,
          from: request.from,
          to: request.to,
          needBy: request.needBy,
        },
      });
      return this.responseFor(manager, dependency);
    });
  }

  async update(
    scope: ProgramScope,
    actor: Actor,
    id: string,
    { version, ...request }: UpdateProgramDependencyRequest,
  ): Promise<ProgramDependencyResponse> {
    return this.dataSource.transaction(async (manager) => {
      await lockProgramRecord(manager, 'program_dependency', { ...scope, id });
      const dependency = await findDependency(manager, scope, id);
      if (dependency.version !== version) {
        throw staleVersion('dependency', dependency.version, version);
      }
      const [currentFrom, currentTo] = partiesOf(dependency);
      const from = request.from ?? currentFrom;
      const to = request.to ?? currentTo;
      // Only a party that changes is checked: one that is gone (a deleted team) stays as it is
      // while the rest of the dependency is edited, e.g. cancelled. Reopening a delivered or
      // cancelled one checks (and holds) both: an open dependency names parties that exist.
      const reopened =
        isClosedDependency(dependency) &&
        !isClosedDependency({ status: request.status ?? dependency.status });
      await this.assertParties(manager, scope.workspaceId, from, to, {
        from: reopened || !sameParty(from, currentFrom),
        to: reopened || !sameParty(to, currentTo),
      });
      const changes = {
        fromKind: from.kind,
        fromId: from.id,
        toKind: to.kind,
        toId: to.id,
        description: request.description ?? dependency.description,
        needBy: request.needBy ?? dependency.needBy,
        status: request.status ?? dependency.status,
      };
      const changed = Object.entries(changes)
        .filter(([field, value]) => dependency[field as keyof typeof changes] !== value)
        .map(([field]) => field);
      if (changed.length === 0) return this.responseFor(manager, dependency);
      await updateDependency(manager, scope, id, changes);
      await recordAuditEvent(manager, {
        workspaceId: scope.workspaceId,
        actor,
        action: 'dependency.updated',
        target: { type: 'dependency', id },
        details: { programId: scope.programId, changed, status: changes.status },
      });
      return this.responseFor(manager, await findDependency(manager, scope, id));
    });
  }

  /** Both parties, or those of `changed` (and that they differ, when one changes). */
  private async assertParties(
    manager: EntityManager,
    workspaceId: string,
    from: DependencyParty,
    to: DependencyParty,
    changed = { from: true, to: true },
  ): Promise<void> {
    if (!changed.from && !changed.to) return;
    if (sameParty(from, to)) {
      throw invalid('to', 'must differ from from: a team or program does not depend on itself');
    }
    if (changed.from) await assertParty(manager, workspaceId, from, 'from');
    if (changed.to) await assertParty(manager, workspaceId, to, 'to');
  }

  private async responseFor(
    manager: EntityManager,
    dependency: ProgramDependency,
  ): Promise<ProgramDependencyResponse> {
    const describe = await describeParties(
      manager,
      this.linkedRecords,
      dependency.workspaceId,
      partiesOf(dependency),
    );
    return toDependencyResponse(dependency, describe, this.clock.today());
  }
}
