import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  PutSprintAvailabilityRequest,
  SprintAvailability as SprintAvailabilityResponse,
} from '@bearing/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../access/caller.js';
import { recordAuditEvent } from '../audit/audit.repository.js';
import { ProblemException } from '../common/problem/problem.js';
import { membersOfTeam, teamMembersByIds } from '../teams/team-member.repository.js';
import { findTeamSprint } from './sprint.repository.js';
import { replaceSprintAvailability, sprintAvailability } from './sprint-availability.repository.js';

/** Per-member days off and allocation for one sprint: the input of capacity planning. */
@Injectable()
export class AvailabilityService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(
    workspaceId: string,
    teamRef: string,
    sprintId: string,
  ): Promise<SprintAvailabilityResponse> {
    const { team, sprint } = await findTeamSprint(
      this.dataSource.manager,
      workspaceId,
      teamRef,
      sprintId,
    );
    return availabilityOf(this.dataSource.manager, team.id, sprint.id);
  }

  /** Replaces the sprint's availability; members not listed fall back to their defaults. */
  async put(
    workspaceId: string,
    actor: Actor,
    teamRef: string,
    sprintId: string,
    { members }: PutSprintAvailabilityRequest,
  ): Promise<SprintAvailabilityResponse> {
    return this.dataSource.transaction(async (manager) => {
      const { team, sprint } = await findTeamSprint(manager, workspaceId, teamRef, sprintId, true);
      const memberIds = members.map((member) => member.memberId);
      const known = await teamMembersByIds(manager, team.id, memberIds);
      const unknown = members.flatMap((member, index) =>
        known.some((candidate) => candidate.id === member.memberId)
          ? []
          : [{ path: `members.${index}.memberId`, message: 'is not a member of this team' }],
      );
      if (unknown.length > 0) throw ProblemException.validation(unknown);
      await replaceSprintAvailability(
        manager,
        sprint.id,
        members.map((member) => ({
          memberId: member.memberId,
          allocation: member.allocation,
          daysOff: [...member.daysOff].sort(),
        })),
      );
      await recordAuditEvent(manager, {
        workspaceId,
        actor,
        action: 'sprint.availability-updated',
        target: { type: 'sprint', id: sprint.id },
        details: { teamId: team.id, members: members.length },
      });
      return availabilityOf(manager, team.id, sprint.id);
    });
  }
}

/** Every member of the team with their availability in the sprint (defaults where none). */
export async function availabilityOf(
  manager: EntityManager,
  teamId: string,
  sprintId: string,
): Promise<SprintAvailabilityResponse> {
  const members = await membersOfTeam(manager, teamId);
  const rows = await sprintAvailability(manager, sprintId);
  const byMember = new Map(rows.map((row) => [row.memberId, row]));
  return {
    sprintId,
    members: members.map((member) => ({
      memberId: member.id,
      displayName: member.displayName,
      defaultAllocation: member.allocation,
      allocation: byMember.get(member.id)?.allocation ?? null,
      daysOff: byMember.get(member.id)?.daysOff ?? [],
    })),
  };
}
