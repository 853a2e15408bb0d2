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
import type { Actor } from '../access/caller.js';
import { recordAuditEvent } from '../audit/audit.repository.js';
import { ProblemException } from '../common/problem/problem.js';
import { findTeam } from './team.repository.js';
import type { TeamMember } from './team-member.entity.js';
import {
  insertTeamMember,
  lockTeamMember,
  removeTeamMember,
  saveTeamMember,
  teamMemberPage,
} from './team-member.repository.js';
import { toTeamMemberResponse } from './team.mapper.js';
import { assertVersion } from '../common/problem/stale-version.js';

/** A team's members as capacity: names and default allocations. */
@Injectable()
export class TeamMembersService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Members by display name. */
  async list(workspaceId: string, teamRef: string, page: PageQuery): Promise<TeamMemberPage> {
    const team = await findTeam(this.dataSource.manager, workspaceId, teamRef);
    const { rows, nextCursor } = await teamMemberPage(this.dataSource.manager, team.id, page);
    return { items: rows.map(toTeamMemberResponse), nextCursor };
  }

  async add(
    workspaceId: string,
    actor: Actor,
    teamRef: string,
    request: CreateTeamMemberRequest,
  ): Promise<TeamMemberResponse> {
    return this.dataSource.transaction(async (manager) => {
      const team = await findTeam(manager, workspaceId, teamRef);
      const member = await insertTeamMember(manager, { teamId: team.id, ...request });
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
      const saved = await saveTeamMember(manager, member);
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

  /**
   * Removes the member and their availability in every sprint not closed; closed sprints keep
   * counting the days they had (see `removeTeamMember`).
   */
  async remove(workspaceId: string, actor: Actor, teamRef: string, memberId: string) {
    await this.dataSource.transaction(async (manager) => {
      const member = await findMember(manager, workspaceId, teamRef, memberId);
      await removeTeamMember(manager, member);
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
  const member = await lockTeamMember(manager, team.id, memberId);
  if (!member) throw ProblemException.notFound('There is no such member in this team.');
  return member;
}
