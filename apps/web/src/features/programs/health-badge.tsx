import type { ProgramHealth } from '@bearing/contracts';
import { Group } from '@mantine/core';
import { StatusBadge } from '../../components/status-badge';
import { HEALTH_STYLES, WATERMELON_STYLE } from './program-labels';

type BadgeSize = 'xs' | 'sm' | 'md' | 'lg';

/** A program's or report's health in words, colour and shape. */
export function HealthBadge({ health, size = 'sm' }: { health: ProgramHealth; size?: BadgeSize }) {
  return <StatusBadge status={HEALTH_STYLES[health]} size={size} prefix="Health:" />;
}

/** Marks a report that says on-track while a key result is off track or a guardrail breached. */
export function WatermelonBadge({ size = 'sm' }: { size?: BadgeSize }) {
  return (
    <StatusBadge
      status={WATERMELON_STYLE}
      size={size}
      title="Green outside, red inside: reported on track while a key result is off track or a guardrail is breached"
    />
  );
}

/**
 * A health with its watermelon flag, the one way every view shows a program's or a report's
 * health, so that none of them drops the flag.
 */
export function HealthBadgeWithWatermelon({
  health,
  watermelon,
  size = 'sm',
}: {
  health: ProgramHealth;
  watermelon: boolean;
  size?: BadgeSize;
}) {
  return (
    <Group gap={4} wrap="wrap">
      {watermelon && <WatermelonBadge size={size === 'lg' ? 'md' : size} />}
      <HealthBadge health={health} size={size} />
    </Group>
  );
}

/** The health the data suggests, never to be read as anyone's judgement: said so in its label. */
export function SuggestedHealthBadge({
  health,
  size = 'sm',
}: {
  health: ProgramHealth;
  size?: BadgeSize;
}) {
  const style = HEALTH_STYLES[health];
  return (
    <StatusBadge
      status={{ ...style, label: `Suggested: ${style.label}` }}
      size={size}
      prefix="Health:"
      title="No status report is published yet: this is what the program's data suggests"
    />
  );
}
