import type { Guardrail, GuardrailChangeCause } from '@bearing/contracts';
import { formatPercent, formatValue } from '../../../components/format';

export const CAUSE_LABELS: Record<GuardrailChangeCause, string> = {
  created: 'guardrail created',
  points: 'new values',
  edited: 'guardrail edited',
  'metric-edited': 'metric’s direction changed',
};

/** "may rise by at most 10 % of 200 ms" — the rule in words (the limit itself comes from the API). */
export function describeThreshold(guardrail: Guardrail): string {
  const { metric, threshold, baseline } = guardrail;
  const verb = metric.direction === 'decrease-is-good' ? 'rise' : 'fall';
  const amount =
    threshold.type === 'relative'
      ? `${formatPercent(threshold.value)} of its baseline ${formatValue(baseline, metric.unit)}`
      : `${formatValue(threshold.value, metric.unit)} from its baseline ${formatValue(baseline, metric.unit)}`;
  return `May ${verb} by at most ${amount}`;
}
