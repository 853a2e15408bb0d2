import type { Team as TeamResponse, TeamMember as TeamMemberResponse } from '@bearing/contracts';
import type { TeamMember } from './team-member.entity.js';
import type { Team } from './team.entity.js';

export function toTeamResponse(team: Team): TeamResponse {
  return {
    id: team.id,
    name: team.name,
    slug: team.slug,
    timeZone: team.timeZone,
    calendar: team.calendar,
    workflow: team.workflow,
    version: team.version,
    createdAt: team.createdAt.toISOString(),
    updatedAt: team.updatedAt.toISOString(),
  };
}

export function toTeamMemberResponse(member: TeamMember): TeamMemberResponse {
  return {
    id: member.id,
    displayName: member.displayName,
    allocation: member.allocation,
    version: member.version,
  };
}
