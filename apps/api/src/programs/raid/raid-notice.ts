import { RAID_HIGH_SCORE } from '@bearing/contracts';
import type { EntityManager } from 'typeorm';
import { publishEvent } from '../../notifications/outbox.repository.js';
import { workspaceWebPath } from '../../workspaces/workspace.repository.js';
import type { Program } from '../program.entity.js';
import { raidScore, raidStateOf } from './raid-history.js';
import type { RaidItem } from './raid-item.entity.js';

/**
 * Publishes `raid.high` for a new RAID item whose score (`riskScore`: probability × impact) is
 * `RAID_HIGH_SCORE` or more, in the transaction that creates it (its id is the dedupe key): to
 * the program's followers and its owner.
 */
export async function publishHighRaidItem(
  manager: EntityManager,
  program: Program,
  item: RaidItem,
): Promise<void> {
  const score = raidScore(raidStateOf(item));
  if (score < RAID_HIGH_SCORE) return;
  const kind = item.kind;
  await publishEvent(manager, {
    workspaceId: program.workspaceId,
    event: 'raid.high',
    subject: { type: 'raid-item', id: item.id },
    title: `${program.name}: new high-score ${kind} "${item.title}" (score ${score})`,
    body: `A new ${kind} with score ${score} of 25 (probability ${item.probability} × impact ${item.impact}) was logged on ${program.name}: "${item.title}".${item.mitigation ? ` Mitigation: ${item.mitigation}` : ''}`,
    path: await workspaceWebPath(manager, program.workspaceId, `programs/${program.id}`),
    audience: {
      users: [program.ownerUserId],
      followersOf: [{ type: 'program', id: program.id }],
    },
    dedupeKey: `raid.high:${item.id}`,
    data: { programId: program.id, kind: item.kind, score },
  });
}
