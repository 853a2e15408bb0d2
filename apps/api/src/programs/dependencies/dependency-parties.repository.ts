import type { DependencyParty, DependencyPartyRef } from '@bearing/contracts';
import { type EntityManager, In } from 'typeorm';
import type { LinkedRecords } from '../linked-records.service.js';
import { holdTeam } from '../../teams/team.repository.js';
import { Program } from '../program.entity.js';
import { invalid } from '../program.repository.js';

/**
 * A team or program of the workspace, or a 400 naming `path` (e.g. `from.id`). A team is held
 * against deletion until the caller's transaction ends, so a team deleted meanwhile either
 * waits for this dependency, and refuses, or is found gone here.
 */
export async function assertParty(
  manager: EntityManager,
  workspaceId: string,
  party: DependencyParty,
  path: string,
): Promise<void> {
  if (party.kind === 'team') {
    if (!(await holdTeam(manager, workspaceId, party.id))) {
      throw invalid(`${path}.id`, 'is not a team of this workspace');
    }
    return;
  }
  if (!(await manager.getRepository(Program).existsBy({ workspaceId, id: party.id }))) {
    throw invalid(`${path}.id`, 'is not a program of this workspace');
  }
}

const keyOf = ({ kind, id }: DependencyParty) => `${kind}:${id}`;

/** Resolves parties to `{ kind, id, name }`; a name that cannot be found is `null`. */
export async function describeParties(
  manager: EntityManager,
  linkedRecords: LinkedRecords,
  workspaceId: string,
  parties: readonly DependencyParty[],
): Promise<(party: DependencyParty) => DependencyPartyRef> {
  const ids = (kind: DependencyParty['kind']) => [
    ...new Set(parties.filter((party) => party.kind === kind).map(({ id }) => id)),
  ];
  const programIds = ids('program');
  const programs =
    programIds.length === 0
      ? []
      : await manager.getRepository(Program).find({
          select: { id: true, name: true },
          where: { workspaceId, id: In(programIds) },
        });
  const teamNames = await linkedRecords.names(manager, workspaceId, 'team', ids('team'));
  const names = new Map<string, string>([
    ...programs.map(({ id, name }) => [keyOf({ kind: 'program', id }), name] as const),
    ...[...teamNames].map(([id, name]) => [keyOf({ kind: 'team', id }), name] as const),
  ]);
  return (party) => ({ ...party, name: names.get(keyOf(party)) ?? null });
}
