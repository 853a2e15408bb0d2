import { type XmrStatus, XMR_RECENT_POINTS } from '@bearing/contracts';
import { XMR_RULE_LABELS } from '../../charts/xmr-chart-data';
import { limitsWindowWords } from '../../charts/xmr-words';
import { formatShortDay, formatValue } from '../../components/format';
import type { StatusStyle } from '../../components/status-badge';

/**
 * A metric's XmR status in words — the same on its page, its row in the metrics list and its
 * portfolio tile, since the API sends one status for all three.
 */
export function xmrStatusStyle(status: XmrStatus): StatusStyle {
  const rule = status.signal?.rules[0];
  if (status.state === 'signal' && rule) {
    return { label: `Signal: ${XMR_RULE_LABELS[rule]}`, color: 'orange', shape: 'diamond' };
  }
  if (status.state === 'too-few-values') {
    return { label: 'Too few values', color: 'gray', shape: 'ring' };
  }
  return { label: 'Routine variation', color: 'gray', shape: 'circle' };
}

/** The badge's title: what fired and when, or what "routine" covers. */
export function xmrStatusDetail(status: XmrStatus, unit: string): string {
  const { signal } = status;
  if (signal) {
    return `${formatShortDay(signal.timestamp)}: ${formatValue(signal.value, unit)}, ${signal.rules
      .map((rule) => XMR_RULE_LABELS[rule])
      .join('; ')} — a real change, not noise`;
  }
  if (status.state === 'too-few-values') return 'Limits need at least two values';
  return `No signal in the last ${XMR_RECENT_POINTS} values: only routine variation`;
}

/** "Limits from the 20 values from Mar 3 to Mar 22[, after a shift up]"; `null` without limits. */
export function xmrStatusWindow(status: XmrStatus): string | null {
  return status.limits && limitsWindowWords(status.limits.window, status.shift);
}
