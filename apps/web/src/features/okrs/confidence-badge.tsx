import type { Confidence } from '@bearing/contracts';
import { StatusBadge } from '../../components/status-badge';
import { CONFIDENCE_STYLES } from './okr-labels';

/**
 * The check-in author's own call ("Confidence: At risk"), labelled in view so that it is not
 * mistaken for the pace computed from the numbers beside it.
 */
export function ConfidenceBadge({ confidence }: { confidence: Confidence }) {
  const style = CONFIDENCE_STYLES[confidence];
  return (
    <StatusBadge
      status={{ ...style, label: `Confidence: ${style.label}` }}
      size="sm"
      title="Confidence: the owner's own call at the last check-in"
    />
  );
}
