import { Badge, type MantineColor, VisuallyHidden } from '@mantine/core';
import { type Shape, ShapeIcon } from './shape-icon';

export interface StatusStyle {
  label: string;
  color: MantineColor;
  shape: Shape;
  /**
   * `light` (the default) for a status of the work (health, pace, guardrails); `outline` for the
   * state of a document (a report's draft or published), so the two never look alike.
   */
  variant?: 'light' | 'outline';
}

export interface StatusBadgeProps {
  status: StatusStyle;
  size?: 'xs' | 'sm' | 'md' | 'lg';
  /** Read before the label by screen readers, e.g. "Pace:". */
  prefix?: string;
  title?: string;
}

/**
 * A status in words, colour and shape, so that it reads without colour too. Never cut short:
 * the theme keeps every badge as wide as its words (a squeezed column or card wraps around it).
 */
export function StatusBadge({ status, size = 'sm', prefix, title }: StatusBadgeProps) {
  return (
    <Badge
      size={size}
      variant={status.variant ?? 'light'}
      color={status.color}
      tt="none"
      title={title}
      data-status-badge
      leftSection={<ShapeIcon shape={status.shape} size={size === 'xs' ? 7 : 9} />}
    >
      {prefix && <VisuallyHidden>{`${prefix} `}</VisuallyHidden>}
      {status.label}
    </Badge>
  );
}
