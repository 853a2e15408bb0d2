import type { GuardrailStatus } from '@bearing/contracts';
import type { EntityManager } from 'typeorm';
import { publishEvent } from '../notifications/outbox.repository.js';
import { workspaceWebPath } from '../workspaces/workspace.repository.js';
import type { Metric } from '../metrics/metric.entity.js';
import type { GuardrailPrograms } from './guardrail-programs.types.js';
import type { Guardrail } from './guardrail.entity.js';

const STATUS_WORDS: Record<GuardrailStatus, string> = {
  ok: 'ok',
  warning: 'in warning',
  breached: 'breached',
};

/**
 * Publishes `guardrail.changed` for one recorded status change, in the transaction that records
 * it: to the followers of the guardrail and of the programs it guards, and the workspace's alert
 * channels. The change's id is the dedupe key, so a retried write never tells anyone twice.
 */
export async function publishGuardrailChange(
  manager: EntityManager,
  programs: GuardrailPrograms,
  change: {
    id: string;
    guardrail: Guardrail;
    metric: Metric;
    from: GuardrailStatus | null;
    to: GuardrailStatus;
    value: number;
  },
): Promise<void> {
  const { guardrail, metric, from, to } = change;
  const programIds = (await programs.programIdsOf(manager, [guardrail])).get(guardrail.id) ?? [];
  const value = `${change.value}${metric.unit ? ` ${metric.unit}` : ''}`;
  await publishEvent(manager, {
    workspaceId: guardrail.workspaceId,
    event: 'guardrail.changed',
    subject: { type: 'guardrail', id: guardrail.id },
    title: `Guardrail on ${metric.name} is ${STATUS_WORDS[to]}`,
    body: `The guardrail on ${metric.name} went from ${from ?? 'no status'} to ${to} at a value of ${value}.`,
    path: await workspaceWebPath(manager, guardrail.workspaceId, `metrics/${metric.key}`),
    audience: {
      followersOf: [
        { type: 'guardrail', id: guardrail.id },
        ...programIds.map((id) => ({ type: 'program' as const, id })),
      ],
      alertChannels: true,
    },
    dedupeKey: `guardrail.changed:${change.id}`,
    data: { guardrailId: guardrail.id, metricKey: metric.key, from, to, value: change.value },
  });
}
