import type { ChartDefinition } from './chart-definition';

/**
 * What each number on a chart means, in the words of `packages/metrics/README.md`, where every
 * formula is documented with its source. The README is not served by the app, so charts show
 * the definition itself and name the section to read in the repository.
 */

/** A `@bearing/metrics` formula: a chart definition that always names its source and section. */
export type MetricDefinition = ChartDefinition & { source: string; readmeSection: string };

export const METRIC_DEFINITIONS = {
  xChart: {
    summary:
      'Each value against its natural process limits: a point outside them, or a sustained run, is a signal; anything inside is routine variation. After a sustained shift the limits are recomputed for the new level.',
    detail:
      'Limits = mean ± 2.66 × average moving range of the first 20 values (provisional with fewer). Signals: a value beyond a limit; 3 of 4 consecutive values beyond mean ± 1.33 × average moving range on one side; 8 consecutive values on one side of the mean — a shift: new limits start with the first of the 8. Status: a signal among the last 7 values.',
    source:
      'Donald J. Wheeler, Understanding Variation (2nd ed., 2000), detection rules 1–3; Wheeler, “When Do I Recalculate My Limits?” (Quality Digest).',
    readmeSection: 'Process behaviour (XmR) charts › xmrWithRecalculation',
  },
  movingRange: {
    summary:
      'How much each value moved from the one before; a jump above the upper range limit is a signal.',
    detail:
      'Moving range mRᵢ = |xᵢ − xᵢ₋₁|. Upper range limit = 3.268 × average moving range (D₄ for ranges of two).',
    source: 'Donald J. Wheeler, Understanding Variation (2nd ed., 2000).',
    readmeSection: 'Process behaviour (XmR) charts › xmrWithRecalculation',
  },
  keyResultProgress: {
    summary:
      'Each check-in’s value against the baseline and the target; progress is how far the current value has moved from one to the other.',
    detail:
      'increase: (current − baseline) ÷ (target − baseline); decrease: (baseline − current) ÷ (baseline − target); stay-above / stay-below: 1 while the value holds the target, else 0; milestone: 0 or 1. Not clamped: 125 % means the target was beaten.',
    source: 'Quantive Results, metric-based key results.',
    readmeSection: 'Objectives and key results › keyResultProgress',
  },
  objectiveProgress: {
    summary:
      'Weighted average of its key results’ progress, each capped at 0–100 %; the tick marks the share of the period already gone.',
    detail:
      'Σ weightᵢ × clamp(progressᵢ, 0, 1) ÷ Σ weightᵢ over the measured key results. Expected = days elapsed ÷ days in the period. Pace: at risk when progress trails expected by 15 points or more, off track from 30 points. Score: progress clamped to 0–1, rounded to one decimal.',
    source:
      'Quantive Results (progress and pace); Google re:Work, “Set goals with OKRs” (0.0–1.0 grades).',
    readmeSection: 'Objectives and key results',
  },
  guardrail: {
    summary:
      'Breached when the latest value is beyond its limit — the baseline moved by the allowed margin in the bad direction; a warning once most of the margin is used.',
    detail:
      'Margin = threshold (absolute) or |baseline| × threshold (relative). Limit = baseline − margin when higher is better, baseline + margin when lower is better. Warning once deterioration ≥ warn level × margin (warn level 80 % unless set).',
    source:
      'Kohavi, Tang & Xu, Trustworthy Online Controlled Experiments (2020), ch. 21 — guardrail metrics with non-inferiority margins.',
    readmeSection: 'Guardrails › evaluateGuardrail',
  },
  sprintBurndown: {
    summary:
      'What is left to do at the end of each sprint day against a straight guideline from the commitment to zero; marks show days when scope was added or removed.',
    detail:
      'Remaining = points of items in scope and not done at the end of the day (latest estimate). Guideline = committed × (1 − w ÷ W), w = working days from the start to that day, W = working days in the sprint: flat on weekends and holidays.',
    source:
      'Atlassian, Burndown chart (Jira Software documentation); OpenProject, Backlogs: burndown chart.',
    readmeSection: 'Sprint metrics › sprintBurndown',
  },
  sprintBurnup: {
    summary:
      'Work done so far against the sprint’s scope: the gap between the lines is what is left, and a step in the scope line is work added or removed.',
    detail:
      'Done so far = running total of each day’s completed points (net of reopened work). Scope = done so far + remaining at the end of the day.',
    source: 'Atlassian, Burnup chart (Jira Software documentation).',
    readmeSection: 'Sprint metrics › sprintBurndown',
  },
  velocity: {
    summary:
      'What this team committed and completed in each of its recent sprints, with the average completed; for the team’s own planning, never to compare teams.',
    detail:
      'Velocity = mean of completed over the last N closed sprints. Say/do = completed from the commitment ÷ committed (at most 100 %): work added mid-sprint cannot inflate it.',
    source: 'Atlassian, View and understand the velocity chart.',
    readmeSection: 'Sprint metrics › velocity and sprintSummary',
  },
  cycleTime: {
    summary:
      'Each finished item’s days from commitment to done, by the day it was done; the lines are the days within which 50, 85 and 95 % of items finished.',
    detail:
      'Cycle time = done day − committed day (same day = 0), in the team’s time zone. pXX = nearest-rank percentile of the cycle times in the range.',
    source:
      'Daniel Vacanti, Actionable Agile Metrics for Predictability (2015); jira-agile-metrics cycle_time.',
    readmeSection: 'Flow metrics › cycleTime',
  },
  throughput: {
    summary: 'How many items the team finished each week (Monday to Sunday).',
    detail: 'Count of items whose done day falls in each ISO week; weeks with none show 0.',
    source: 'jira-agile-metrics throughput; Vacanti, Actionable Agile Metrics for Predictability.',
    readmeSection: 'Flow metrics › throughput',
  },
  cumulativeFlow: {
    summary:
      'How many items had reached each workflow stage by each day; the vertical gap between two bands is the work waiting in that stage.',
    detail:
      'counts[stage] = items whose entry day into that stage (or a later one) is on or before the day. Bands never decrease; skipped stages count as reached.',
    source:
      'jira-agile-metrics cfd; Vacanti, Actionable Agile Metrics for Predictability, ch. 4–5.',
    readmeSection: 'Flow metrics › cumulativeFlow',
  },
  agingWip: {
    summary:
      'Every item in progress, by the furthest stage it reached and its age; an item above the 85th percentile line is older than most finished items were.',
    detail:
      'Age = today − committed day, in days. Reference lines: p50/p85/p95 of the cycle times of items finished in the selected range.',
    source: 'ActionableAgile, Aging Work in Progress chart (Vacanti).',
    readmeSection: 'Flow metrics › agingWip',
  },
  capacityPlan: {
    summary:
      'The person-days the team has in the sprint and the range of points that the team’s recent rate suggests committing to — capacity, never anyone’s output.',
    detail:
      'Available person-days = Σ allocation × (working days − own working days off). Rate = Σ completed ÷ Σ available person-days over recent closed sprints. Expected = rate × person-days; low / high use the slowest / fastest single sprint.',
    source:
      'Henrik Kniberg, Scrum and XP from the Trenches (2007); Beck & Fowler, Planning Extreme Programming (2000), “yesterday’s weather”.',
    readmeSection: 'Capacity planning › capacityPlan',
  },
  forecastWhen: {
    summary:
      'When a number of items will be done, by replaying the team’s past daily throughput thousands of times; the bars show how often each finish day came up.',
    detail:
      'Each trial draws a past day’s throughput for every future day until the items are done. pXX = the number of days within which XX % of trials finished (nearest rank).',
    source:
      'Daniel Vacanti, When Will It Be Done? (2015); Troy Magennis, Focused Objective forecasters.',
    readmeSection: 'Forecasting (Monte Carlo) › monteCarloWhen',
  },
  forecastHowMany: {
    summary:
      'How many items the team will finish by a date, with 50, 85 and 95 % confidence, from its past daily throughput.',
    detail:
      'Each trial sums one past day’s throughput per day until the date. pXX = the count reached in at least XX % of trials (the (100 − XX)th percentile).',
    source:
      'Daniel Vacanti, When Will It Be Done? (2015); Troy Magennis, Focused Objective forecasters.',
    readmeSection: 'Forecasting (Monte Carlo) › monteCarloHowMany',
  },
} satisfies Record<string, MetricDefinition>;

export type MetricDefinitionName = keyof typeof METRIC_DEFINITIONS;
