import { Injectable } from '@nestjs/common';
import type { GuardrailSnapshot } from '@bearing/contracts';
import {
  guardrailStatusChangesBetween,
  guardrailsWithMetric,
} from '../../guardrails/guardrail.repository.js';
import type { CollectedReason } from '../health-rules.js';
import { isInstantInWeek } from '../report-week.js';
import {
  type CollectContext,
  type CollectedSection,
  previousSection,
  type ReportSectionCollector,
} from './report-section-collector.js';

/**
 * The program's linked guardrails: their status (as the guardrails feature stores it), their
 * status at the compared report, and this week's changes from the status-change history. A
 * breached guardrail is an at-risk reason; one in warning is watched.
 */
@Injectable()
export class GuardrailsCollector implements ReportSectionCollector<'guardrails'> {
  readonly section = 'guardrails';

  async collect({
    manager,
    program,
    week,
    previous,
  }: CollectContext): Promise<CollectedSection<'guardrails'>> {
    if (program.guardrailIds.length === 0) {
      return { data: { status: 'available', items: [] }, reasons: [] };
    }
    const guardrails = await guardrailsWithMetric(
      manager,
      program.workspaceId,
      program.guardrailIds,
    );
    const changes = (
      await guardrailStatusChangesBetween(
        manager,
        guardrails.map(({ id }) => id),
        week.startsAt,
        week.endsBefore,
      )
    ).filter(({ changedAt }) => isInstantInWeek(week, changedAt));
    const compared = new Map(
      (previousSection(previous, 'guardrails')?.items ?? []).map((item) => [
        item.guardrailId,
        item.status,
      ]),
    );
    const items = guardrails.map((guardrail): GuardrailSnapshot => ({
      guardrailId: guardrail.id,
      metricKey: guardrail.metric?.key ?? '',
      metricName: guardrail.metric?.name ?? '',
      status: guardrail.status,
      previousStatus: compared.get(guardrail.id) ?? null,
      changesThisWeek: changes
        .filter(({ guardrailId }) => guardrailId === guardrail.id)
        .map(({ fromStatus, toStatus, changedAt }) => ({
          from: fromStatus,
          to: toStatus,
          changedAt: changedAt.toISOString(),
        })),
    }));
    return {
      data: { status: 'available', items },
      reasons: items.flatMap((item): CollectedReason[] => {
        if (item.status !== 'breached' && item.status !== 'warning') return [];
        return [
          {
            code: item.status === 'breached' ? 'guardrail-breached' : 'guardrail-warning',
            message: `Guardrail on "${item.metricName}" is ${item.status === 'breached' ? 'breached' : 'in warning'}.`,
            ref: { type: 'guardrail', id: item.guardrailId },
          },
        ];
      }),
    };
  }
}
