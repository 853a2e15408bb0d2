import type { ProgramHealth } from '@bearing/contracts';
import { StatusBadge } from '../../components/status-badge';
import { HEALTH_STYLES, WATERMELON_STYLE } from './program-labels';

/** A program's or report's health in words, colour and shape. */
export function HealthBadge({
  health,
  size = 'sm',
}: {
  health: ProgramHealth;
  size?: 'xs' | 'sm' | 'md' | 'lg';
}) {
  return <StatusBadge status={HEALTH_STYLES[health]} size={size} prefix="Health:" />;
}

/** Marks a report that says on-track while a key result is off track or a guardrail breached. */
export function WatermelonBadge({ size = 'sm' }: { size?: 'xs' | 'sm' | 'md' }) {
  return (
    <StatusBadge
      status={WATERMELON_STYLE}
      size={size}
      title="Green outside, red inside: reported on track while a key result is off track or a guardrail is breached"
    />
  );
}
