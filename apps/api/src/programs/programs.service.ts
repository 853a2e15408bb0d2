import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CreateProgramRequest,
  type Program as ProgramResponse,
  type ProgramListQuery,
  type ProgramPage,
  programRuleViolations,
  type UpdateProgramRequest,
} from '@bearing/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../access/caller.js';
import { recordAuditEvent } from '../audit/audit.repository.js';
import { ProblemException } from '../common/problem/problem.js';
import { assertLinkable, LinkedRecords } from './linked-records.service.js';
import {
  PROGRAM_HEALTH,
  type ProgramHealthFacts,
  type ProgramHealthSource,
} from './program-health.types.js';
import { toProgramResponse } from './program.mapper.js';
import type { Program } from './program.entity.js';
import {
  loadProgramLinks,
  type ProgramLinks,
  replaceProgramLinks,
} from './program-links.repository.js';
import {
  assertProgramOwner,
  findProgram,
  insertProgram,
  lockProgram,
  programPage,
  updateProgram,
} from './program.repository.js';
import { staleVersion } from '../common/problem/stale-version.js';

const LINK_FIELDS = ['teamIds', 'objectiveIds', 'guardrailIds'] as const;
const LINK_KIND = {
  teamIds: 'team',
  objectiveIds: 'objective',
  guardrailIds: 'guardrail',
} as const;

/** Programs of one workspace; every query filters by the workspace id. */
@Injectable()
export class ProgramsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly linkedRecords: LinkedRecords,
    @Inject(PROGRAM_HEALTH) private readonly health: ProgramHealthSource,
  ) {}

  /**
   * Oldest first, keyset-paged on (created_at, id). Read in one repeatable-read transaction, like
   * a report draft, so the suggested healths agree with the rows listed.
   */
  async list(workspaceId: string, query: ProgramListQuery): Promise<ProgramPage> {
    return this.dataSource.transaction('REPEATABLE READ', (manager) =>
      this.listIn(manager, workspaceId, query),
    );
  }

  private async listIn(
    manager: EntityManager,
    workspaceId: string,
    { limit, cursor }: ProgramListQuery,
  ): Promise<ProgramPage> {
    const { rows: shown, nextCursor } = await programPage(manager, workspaceId, { cursor, limit });
    const links = await loadProgramLinks(
      manager,
      workspaceId,
      shown.map(({ id }) => id),
    );
    const health = await this.health.of(manager, workspaceId, shown);
    return {
      items: shown.map((program) =>
        toProgramResponse(program, linksOf(links, program.id), healthOf(health, program.id)),
      ),
      nextCursor,
    };
  }

  async get(workspaceId: string, id: string): Promise<ProgramResponse> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) =>
      this.responseFor(manager, await findProgram(manager, workspaceId, id)),
    );
  }

  async create(
    workspaceId: string,
    actor: Actor,
    request: CreateProgramRequest,
  ): Promise<ProgramResponse> {
    const violations = programRuleViolations(request);
    if (violations.length > 0) throw ProblemException.validation(violations);
    return this.dataSource.transaction(async (manager) => {
      await assertProgramOwner(manager, workspaceId, request.ownerId, 'ownerId');
      await this.assertLinks(manager, workspaceId, request);
      const program = await insertProgram(manager, {
        workspaceId,
        name: request.name,
        description: request.description,
        ownerUserId: request.ownerId,
        start: request.start,
        end: request.end,
        health: request.health,
        healthReason: request.healthReason,
      });
      await replaceProgramLinks(manager, program.id, request);
      await recordAuditEvent(manager, {
        workspaceId,
        actor,
        action: 'program.created',
        target: { type: 'program', id: program.id },
        details: { name: program.name, health: program.health },
      });
      return this.responseFor(manager, await findProgram(manager, workspaceId, program.id));
    });
  }

  /**
   * Changes the fields given. Rules across fields are judged on the merged record; a new health
   * without a reason drops the old reason, which explained the old health.
   */
  async update(
    workspaceId: string,
    actor: Actor,
    id: string,
    { version, ...changes }: UpdateProgramRequest,
  ): Promise<ProgramResponse> {
    return this.dataSource.transaction(async (manager) => {
      await lockProgram(manager, workspaceId, id);
      const program = await findProgram(manager, workspaceId, id);
      if (program.version !== version) throw staleVersion('program', program.version, version);
      const healthChanged = changes.health !== undefined && changes.health !== program.health;
      const merged = {
        name: changes.name ?? program.name,
        description: changes.description ?? program.description,
        ownerUserId: changes.ownerId ?? program.ownerUserId,
        start: changes.start ?? program.start,
        end: changes.end === undefined ? program.end : changes.end,
        health: changes.health ?? program.health,
        healthReason:
          changes.healthReason !== undefined
            ? changes.healthReason
            : healthChanged
              ? null
              : program.healthReason,
      };
      const violations = programRuleViolations(merged);
      if (violations.length > 0) throw ProblemException.validation(violations);
      if (changes.ownerId !== undefined && changes.ownerId !== program.ownerUserId) {
        await assertProgramOwner(manager, workspaceId, changes.ownerId, 'ownerId');
      }
      await this.assertLinks(manager, workspaceId, changes);
      const changed = Object.entries(merged)
        .filter(([field, value]) => program[field as keyof typeof merged] !== value)
        .map(([field]) => field);
      const linksChanged = LINK_FIELDS.filter((field) => changes[field] !== undefined);
      if (changed.length === 0 && linksChanged.length === 0) {
        return this.responseFor(manager, program);
      }
      // `update` rather than `save`: the loaded owner relation would win over a new owner id.
      await updateProgram(manager, workspaceId, id, merged);
      await replaceProgramLinks(manager, id, changes);
      await recordAuditEvent(manager, {
        workspaceId,
        actor,
        action: 'program.updated',
        target: { type: 'program', id },
        details: { name: merged.name, changed: [...changed, ...linksChanged] },
      });
      return this.responseFor(manager, await findProgram(manager, workspaceId, id));
    });
  }

  private async responseFor(manager: EntityManager, program: Program): Promise<ProgramResponse> {
    const links = await loadProgramLinks(manager, program.workspaceId, [program.id]);
    const health = await this.health.of(manager, program.workspaceId, [program]);
    return toProgramResponse(program, linksOf(links, program.id), healthOf(health, program.id));
  }

  private async assertLinks(
    manager: EntityManager,
    workspaceId: string,
    links: Partial<ProgramLinks>,
  ): Promise<void> {
    for (const field of LINK_FIELDS) {
      const ids = links[field];
      if (ids) {
        await assertLinkable(
          this.linkedRecords,
          manager,
          workspaceId,
          LINK_KIND[field],
          ids,
          field,
        );
      }
    }
  }
}

function linksOf(links: Map<string, ProgramLinks>, programId: string): ProgramLinks {
  return links.get(programId) ?? { teamIds: [], objectiveIds: [], guardrailIds: [] };
}

function healthOf(health: Map<string, ProgramHealthFacts>, programId: string): ProgramHealthFacts {
  const facts = health.get(programId);
  if (!facts) throw new Error(`no health facts read for program ${programId}`);
  return facts;
}
