import type { Pace } from '@bearing/contracts';
import { StatusBadge } from '../../components/status-badge';
import { NOT_MEASURED, PACE_STYLES } from './okr-labels';

/** On track / at risk / off track, in words, colour and shape; "Not measured" before any value. */
export function PaceBadge({ pace, size = 'sm' }: { pace: Pace | null; size?: 'xs' | 'sm' | 'md' }) {
  return (
    <StatusBadge
      status={pace === null ? NOT_MEASURED : PACE_STYLES[pace]}
      size={size}
      prefix="Pace:"
      title="Pace: progress against the share of the period gone"
    />
  );
}
