import type { ChartDefinition } from '../../../charts/chart-definition';

/**
 * What the program page's charts show, for the shared `ChartFrame`. Kept beside them (the
 * shared `charts/metric-definitions` names the `@bearing/metrics` formulas); these count and
 * place records, they compute nothing, so they name no formula source.
 */

export const PROGRAM_CHART_DEFINITIONS = {
  milestoneTimeline: {
    summary:
      'Each milestone’s original (baseline) date against its current date, with every move in between, on a month axis with today and the program’s end.',
    detail:
      'The baseline is set when the milestone is created and never changes. Slip = current date (or the completion day) − baseline date, in days; every move of the current date is kept with its reason and author.',
  },
  raidHeatMap: {
    summary:
      'RAID items counted by probability (1–5) and impact (1–5), open ones only unless “All” is picked; the score is their product.',
    detail:
      'Score = probability × impact, 1–25. Scores of 15 and above are high (the band status reports list as open high-score risks), 5–14 medium, 1–4 low. Pick a cell to list its items.',
  },
} satisfies Record<string, ChartDefinition>;

export type ProgramChartName = keyof typeof PROGRAM_CHART_DEFINITIONS;
