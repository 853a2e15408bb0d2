import { Badge, type MantineColor, VisuallyHidden } from '@mantine/core';
import { type Shape, ShapeIcon } from './shape-icon';

export interface StatusStyle {
  label: string;
  color: MantineColor;
  shape: Shape;
}

export interface StatusBadgeProps {
  status: StatusStyle;
  size?: 'xs' | 'sm' | 'md' | 'lg';
  /** Read before the label by screen readers, e.g. "Pace:". */
  prefix?: string;
  title?: string;
  /** Never cut the label short, e.g. in a table column that would otherwise squeeze it. */
  whole?: boolean;
}

/** A status in words, colour and shape, so that it reads without colour too. */
export function StatusBadge({ status, size = 'sm', prefix, title, whole }: StatusBadgeProps) {
  return (
    <Badge
      size={size}
      variant="light"
      color={status.color}
      tt="none"
      title={title}
      miw={whole ? 'max-content' : undefined}
      leftSection={<ShapeIcon shape={status.shape} size={size === 'xs' ? 7 : 9} />}
    >
      {prefix && <VisuallyHidden>{`${prefix} `}</VisuallyHidden>}
      {status.label}
    </Badge>
  );
}
