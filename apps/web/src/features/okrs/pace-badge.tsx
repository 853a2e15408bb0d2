import type { Pace } from '@bearing/contracts';
import { StatusBadge } from '../../components/status-badge';
import { NOT_MEASURED, PACE_STYLES } from './okr-labels';

/**
 * On track / at risk / off track, in words, colour and shape; "Not measured" before any value.
 * `labelled` shows "Pace:" in view too (it is always read out), where a confidence sits beside.
 */
export function PaceBadge({
  pace,
  size = 'sm',
  labelled = false,
}: {
  pace: Pace | null;
  size?: 'xs' | 'sm' | 'md';
  labelled?: boolean;
}) {
  const style = pace === null ? NOT_MEASURED : PACE_STYLES[pace];
  return (
    <StatusBadge
      status={labelled ? { ...style, label: `Pace: ${style.label}` } : style}
      size={size}
      prefix={labelled ? undefined : 'Pace:'}
      title="Pace: progress against the share of the period gone"
    />
  );
}
