import { CHART_COLORS } from '../../../charts/chart-theme';

// Apart from the chart, so that the legend beside it (and the space kept for the chart while its
// code loads) need none of the chart's code.

/** Each milestone's row on the chart. */
export const TIMELINE_ROW_HEIGHT = 44;

/** The chart's height for `rowCount` milestones. */
export function timelineHeight(rowCount: number): number {
  return Math.max(160, rowCount * TIMELINE_ROW_HEIGHT + 60);
}

/** Colours of the marks; each also has its own shape, named in the legend. */
export const TIMELINE_MARKS = {
  baseline: { color: CHART_COLORS.baseline, symbol: 'diamond', label: 'Baseline (original plan)' },
  moved: { color: CHART_COLORS.signal, symbol: 'triangle', label: 'Earlier move' },
  late: { color: CHART_COLORS.limit, symbol: 'circle', label: 'Current date, late' },
  onPlan: { color: CHART_COLORS.target, symbol: 'circle', label: 'Current date, on plan or early' },
  completed: { color: CHART_COLORS.series, symbol: 'square', label: 'Completed' },
} as const;

/** The two vertical lines, each named in the chart's top margin and in the legend. */
export const TIMELINE_LINES = {
  today: { color: CHART_COLORS.axis, dash: '2 3', label: 'Today' },
  programEnd: { color: CHART_COLORS.limit, dash: '8 4', label: 'Program end' },
} as const;
