/**
 * What each number on a chart means, in the words of `packages/metrics/README.md`, where every
 * formula is documented with its source. The README is not served by the app, so charts show
 * the definition itself and name the section to read in the repository.
 */
export interface MetricDefinition {
  /** One line under a chart's title. */
  summary: string;
  /** The formula and its rules, for "How is this computed?". */
  formula: string;
  /** Where the method comes from. */
  source: string;
  /** The section of packages/metrics/README.md that defines it. */
  readmeSection: string;
}

export const METRIC_DEFINITIONS = {
  xChart: {
    summary:
      'Each value against its natural process limits: a point outside them, or a sustained run, is a signal; anything inside is routine variation.',
    formula:
      'Limits = mean ± 2.66 × average moving range. Signals: a value beyond a limit; 3 of 4 consecutive values beyond mean ± 1.33 × average moving range on one side; 8 consecutive values on one side of the mean.',
    source: 'Donald J. Wheeler, Understanding Variation (2nd ed., 2000), detection rules 1–3.',
    readmeSection: 'Process behaviour (XmR) charts › xmr',
  },
  movingRange: {
    summary:
      'How much each value moved from the one before; a jump above the upper range limit is a signal.',
    formula:
      'Moving range mRᵢ = |xᵢ − xᵢ₋₁|. Upper range limit = 3.268 × average moving range (D₄ for ranges of two).',
    source: 'Donald J. Wheeler, Understanding Variation (2nd ed., 2000).',
    readmeSection: 'Process behaviour (XmR) charts › xmr',
  },
  keyResultProgress: {
    summary:
      'Each check-in’s value against the baseline and the target; progress is how far the current value has moved from one to the other.',
    formula:
      'increase: (current − baseline) ÷ (target − baseline); decrease: (baseline − current) ÷ (baseline − target); stay-above / stay-below: 1 while the value holds the target, else 0; milestone: 0 or 1. Not clamped: 125 % means the target was beaten.',
    source: 'Quantive Results, metric-based key results.',
    readmeSection: 'Objectives and key results › keyResultProgress',
  },
  objectiveProgress: {
    summary:
      'Weighted average of its key results’ progress, each capped at 0–100 %; the tick marks the share of the period already gone.',
    formula:
      'Σ weightᵢ × clamp(progressᵢ, 0, 1) ÷ Σ weightᵢ over the measured key results. Expected = days elapsed ÷ days in the period. Pace: at risk when progress trails expected by 15 points or more, off track from 30 points. Score: progress clamped to 0–1, rounded to one decimal.',
    source:
      'Quantive Results (progress and pace); Google re:Work, “Set goals with OKRs” (0.0–1.0 grades).',
    readmeSection: 'Objectives and key results',
  },
  guardrail: {
    summary:
      'Breached when the latest value is beyond its limit — the baseline moved by the allowed margin in the bad direction; a warning once most of the margin is used.',
    formula:
      'Margin = threshold (absolute) or |baseline| × threshold (relative). Limit = baseline − margin when higher is better, baseline + margin when lower is better. Warning once deterioration ≥ warn level × margin (warn level 80 % unless set).',
    source:
      'Kohavi, Tang & Xu, Trustworthy Online Controlled Experiments (2020), ch. 21 — guardrail metrics with non-inferiority margins.',
    readmeSection: 'Guardrails › evaluateGuardrail',
  },
} satisfies Record<string, MetricDefinition>;

export type MetricDefinitionName = keyof typeof METRIC_DEFINITIONS;
