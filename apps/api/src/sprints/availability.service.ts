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
import { staleVersion } from '../common/problem/stale-version.js';
import { findTeamSprint } from './sprint.repository.js';
import {
  availabilityOfSprints,
  rosterMembers,
  writeSprintAvailability,
} from './sprint-availability.repository.js';

/**
 * Per-member days off and allocation for one sprint: the input of capacity planning. A sprint
 * that closed in Bearing keeps the members it closed with (see `freezeSprintAvailability`).
 */
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

  /**
   * Replaces the sprint's availability; members not listed fall back to their defaults. The
   * caller's `version` must be current: two editors saving over one version would otherwise
   * silently drop the first one's entries.
   */
  async put(
    workspaceId: string,
    actor: Actor,
    teamRef: string,
    sprintId: string,
    { version, members }: PutSprintAvailabilityRequest,
  ): Promise<SprintAvailabilityResponse> {
    return this.dataSource.transaction(async (manager) => {
      const { team, sprint } = await findTeamSprint(manager, workspaceId, teamRef, sprintId, true);
      if (sprint.availabilityVersion !== version) {
        const { problem } = staleVersion(
          'sprint’s availability',
          sprint.availabilityVersion,
          version,
        );
        throw new ProblemException({
          ...problem,
          errors: [{ path: 'version', message: 'is not the current version of the availability' }],
        });
      }
      const roster = await rosterMembers(
        manager,
        sprint,
        members.map((member) => member.memberId),
      );
      const unknown = members.flatMap((member, index) =>
        roster.has(member.memberId)
          ? []
          : [
              {
                path: `members.${index}.memberId`,
                message:
                  sprint.availabilityFrozenAt === null
                    ? 'is not a member of this team'
                    : 'was not a member of this team when the sprint closed',
              },
            ],
      );
      if (unknown.length > 0) throw ProblemException.validation(unknown);
      await writeSprintAvailability(
        manager,
        sprint,
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

/** The sprint's roster with each member's availability in it (defaults where none). */
async function availabilityOf(
  manager: EntityManager,
  teamId: string,
  sprintId: string,
): Promise<SprintAvailabilityResponse> {
  const availability = (await availabilityOfSprints(manager, teamId, [sprintId])).get(sprintId);
  if (!availability) throw ProblemException.notFound('There is no such sprint in this team.');
  return availability;
}
