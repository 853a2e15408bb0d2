import type { Confidence } from '@bearing/contracts';
import { DEFAULT_THEME } from '@mantine/core';
import type { Shape } from '../components/shape-icon';

const { colors } = DEFAULT_THEME;

/** Check-in confidence on charts, matching the pace badges: shape and colour. */
export const CONFIDENCE_MARKS: Record<Confidence, { shape: Shape; color: string; label: string }> =
  {
    'on-track': { shape: 'circle', color: colors.teal[7], label: 'On track' },
    'at-risk': { shape: 'triangle', color: colors.yellow[7], label: 'At risk' },
    'off-track': { shape: 'square', color: colors.red[7], label: 'Off track' },
  };
