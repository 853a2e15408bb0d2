import { DEFAULT_THEME } from '@mantine/core';

const { colors } = DEFAULT_THEME;

/** The few colours the charts use, from Mantine's palette so they match the badges. */
export const CHART_COLORS = {
  series: colors.indigo[6],
  mean: colors.gray[6],
  limit: colors.red[7],
  signal: colors.orange[7],
  guardrail: colors.grape[7],
  target: colors.teal[7],
  baseline: colors.gray[5],
  grid: colors.gray[2],
  axis: colors.gray[6],
};

export const AXIS_TICK = { fontSize: 12, fill: colors.gray[7] };

export const CHART_HEIGHT = 280;
/** The moving-range chart under an X chart: shorter, as its ranges matter less. */
export const MOVING_RANGE_CHART_HEIGHT = 180;
