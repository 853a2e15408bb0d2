import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CreateTeamMemberRequest,
  PageQuery,
  TeamMember as TeamMemberResponse,
  TeamMemberPage,
  UpdateTeamMemberRequest,
} from '@bearing/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { z } from 'zod';
import type { Actor } from '../access/caller.js';
import { recordAuditEvent } from '../audit/audit.repository.js';
import { ProblemException } from '../common/problem/problem.js';
import { findTeam } from './team.repository.js';
import { TeamMember } from './team-member.entity.js';
import { toTeamMemberResponse } from './team.mapper.js';
import { assertVersion } from '../common/problem/stale-version.js';
import { keysetItems, type KeysetOrder } from '../common/pagination/keyset-page.js';

const namePosition = z.tuple([z.string(), z.uuid()]);

/** A team's members as capacity: names and default allocations. */
@Injectable()
export class TeamMembersService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Members by display name. */
  async list(workspaceId: string, teamRef: string, page: PageQuery): Promise<TeamMemberPage> {
    const team = await findTeam(this.dataSource.manager, workspaceId, teamRef);
    const query = this.dataSource
      .getRepository(TeamMember)
      .createQueryBuilder('member')
      .where('member.teamId = :teamId', { teamId: team.id });
    const order: KeysetOrder<TeamMember> = {
      keys: [
        { sort: 'member.displayName', valueOf: (member) => member.displayName },
        { sort: 'member.id', valueOf: (member) => member.id },
      ],
      direction: 'ASC',
      shape: namePosition,
    };
    return keysetItems(query, page, order, toTeamMemberResponse);
  }

  async add(
    workspaceId: string,
    actor: Actor,
    teamRef: string,
    request: CreateTeamMemberRequest,
  ): Promise<TeamMemberResponse> {
    return this.dataSource.transaction(async (manager) => {
      const team = await findTeam(manager, workspaceId, teamRef);
      const members = manager.getRepository(TeamMember);
      const member = await members.save(members.create({ teamId: team.id, ...request }));
      await recordAuditEvent(manager, {
        workspaceId,
        actor,
        action: 'team-member.added',
        target: { type: 'team-member', id: member.id },
        details: {
          teamId: team.id,
          displayName: member.displayName,
          allocation: member.allocation,
        },
      });
      return toTeamMemberResponse(member);
    });
  }

  async update(
    workspaceId: string,
    actor: Actor,
    teamRef: string,
    memberId: string,
    { version, ...changes }: UpdateTeamMemberRequest,
  ): Promise<TeamMemberResponse> {
    return this.dataSource.transaction(async (manager) => {
      const member = await findMember(manager, workspaceId, teamRef, memberId);
      assertVersion('member', member.version, version);
      if (changes.displayName !== undefined) member.displayName = changes.displayName;
      if (changes.allocation !== undefined) member.allocation = changes.allocation;
      const saved = await manager.getRepository(TeamMember).save(member);
      await recordAuditEvent(manager, {
        workspaceId,
        actor,
        action: 'team-member.updated',
        target: { type: 'team-member', id: member.id },
        details: { teamId: member.teamId, ...changes },
      });
      return toTeamMemberResponse(saved);
    });
  }

  /** Removes the member and their availability in every sprint. */
  async remove(workspaceId: string, actor: Actor, teamRef: string, memberId: string) {
    await this.dataSource.transaction(async (manager) => {
      const member = await findMember(manager, workspaceId, teamRef, memberId);
      await manager.getRepository(TeamMember).delete({ id: member.id, teamId: member.teamId });
      await recordAuditEvent(manager, {
        workspaceId,
        actor,
        action: 'team-member.removed',
        target: { type: 'team-member', id: member.id },
        details: { teamId: member.teamId, displayName: member.displayName },
      });
    });
  }
}

/** The member of *this* team (of this workspace), locked for the transaction, or 404. */
async function findMember(
  manager: EntityManager,
  workspaceId: string,
  teamRef: string,
  memberId: string,
): Promise<TeamMember> {
  const team = await findTeam(manager, workspaceId, teamRef);
  const member = await manager
    .getRepository(TeamMember)
    .createQueryBuilder('member')
    .setLock('pessimistic_write')
    .where('member.id = :memberId', { memberId })
    .andWhere('member.teamId = :teamId', { teamId: team.id })
    .getOne();
  if (!member) throw ProblemException.notFound('There is no such member in this team.');
  return member;
}
