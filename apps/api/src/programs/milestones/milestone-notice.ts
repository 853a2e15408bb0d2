import { daysBetween } from '@bearing/metrics';
import type { EntityManager } from 'typeorm';
import { publishEvent } from '../../notifications/outbox.repository.js';
import { workspaceWebPath } from '../../workspaces/workspace.repository.js';
import type { Program } from '../program.entity.js';
import type { Milestone } from './milestone.entity.js';

/**
 * Publishes `milestone.slipped` when a move puts a milestone's current date later than before and
 * later than its baseline, in the transaction that records the move (whose id is the dedupe
 * key): to the program's followers and its owner.
 */
export async function publishMilestoneSlip(
  manager: EntityManager,
  program: Program,
  milestone: Milestone,
  move: { id: string; from: string; to: string; reason: string },
): Promise<void> {
  if (move.to <= move.from || move.to <= milestone.baselineDate) return;
  const slipDays = daysBetween(milestone.baselineDate, move.to);
  await publishEvent(manager, {
    workspaceId: program.workspaceId,
    event: 'milestone.slipped',
    subject: { type: 'milestone', id: milestone.id },
    title: `${program.name}: milestone "${milestone.name}" slipped to ${move.to}`,
    body: `"${milestone.name}" moved from ${move.from} to ${move.to}, ${slipDays} ${slipDays === 1 ? 'day' : 'days'} after its baseline of ${milestone.baselineDate}. Reason: ${move.reason}`,
    path: await workspaceWebPath(manager, program.workspaceId, `programs/${program.id}`),
    audience: {
      users: [program.ownerUserId],
      followersOf: [{ type: 'program', id: program.id }],
    },
    dedupeKey: `milestone.slipped:${move.id}`,
    data: {
      programId: program.id,
      baselineDate: milestone.baselineDate,
      from: move.from,
      to: move.to,
      slipDays,
    },
  });
}
