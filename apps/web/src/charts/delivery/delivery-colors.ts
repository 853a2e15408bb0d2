import { DEFAULT_THEME } from '@mantine/core';

const { colors } = DEFAULT_THEME;

/**
 * Colours of the delivery charts, from Mantine's palette. Each series is also told apart by a
 * dash pattern, a shape or a label, so none of them depends on colour alone.
 */
export const DELIVERY_COLORS = {
  remaining: colors.indigo[6],
  ideal: colors.gray[6],
  scope: colors.orange[7],
  done: colors.teal[7],
  committed: colors.gray[4],
  completed: colors.indigo[6],
  average: colors.grape[7],
  point: colors.indigo[6],
  percentile: colors.red[7],
  throughput: colors.cyan[7],
  forecast: colors.indigo[4],
  forecastMark: colors.indigo[8],
};

/** Dash patterns, so that lines of one chart read apart in grey too. */
export const DASHES = {
  ideal: '6 4',
  average: '8 3 2 3',
  scope: '3 3',
};

/**
 * Stage colours for the cumulative flow bands, light to dark along the workflow, so their
 * order reads even without hue; each band is also named by the label at its right edge.
 */
const STAGE_SHADES = [
  colors.gray[3],
  colors.blue[2],
  colors.blue[4],
  colors.indigo[5],
  colors.violet[6],
  colors.grape[7],
  colors.teal[8],
  colors.dark[4],
];

export function stageColor(index: number, count: number): string {
  if (count <= 1) return STAGE_SHADES[STAGE_SHADES.length - 1] ?? colors.indigo[6];
  const position = Math.round((index * (STAGE_SHADES.length - 1)) / (count - 1));
  return STAGE_SHADES[position] ?? colors.indigo[6];
}
