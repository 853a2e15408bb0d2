export type GuardrailDirection = 'increase-is-good' | 'decrease-is-good';

export type GuardrailThreshold = {
  /** `absolute`: the margin is `value`; `relative`: the margin is `|baseline| × value`. */
  type: 'absolute' | 'relative';
  value: number;
};

export type GuardrailInput = {
  direction: GuardrailDirection;
  baseline: number;
  threshold: GuardrailThreshold;
  value: number;
  /** Share of the margin at which to warn, 0 … 1; default 0.8. */
  warnAt?: number;
};

export type GuardrailStatus = 'ok' | 'warning' | 'breached';

export type GuardrailResult = {
  status: GuardrailStatus;
  /** The value beyond which the guardrail is breached. */
  limit: number;
  /** How far the value moved in the bad direction from the baseline; 0 if it held or improved. */
  deterioration: number;
  /** `deterioration ÷ margin` (1 = at the limit); `null` when the margin is 0. */
  marginUsed: number | null;
};

/** Relative tolerance so that a value equal to the limit up to float rounding is not beyond it. */
const TOLERANCE = 1e-9;

/**
 * A guardrail metric: a number that must not get worse than an agreed margin while the team
 * pushes on something else (e.g. "error rate may rise by at most 10 % of its baseline").
 *
 * - margin = `threshold.value` (absolute) or `|baseline| × threshold.value` (relative)
 * - `limit` = `baseline − margin` (increase-is-good) or `baseline + margin` (decrease-is-good)
 * - `deterioration` = `max(0, baseline − value)` (increase-is-good) or
 *   `max(0, value − baseline)` (decrease-is-good)
 * - `breached` when the value is strictly beyond the limit (a value equal to the limit up to
 *   float rounding is not); `warning` when there is some deterioration and
 *   `deterioration ≥ warnAt × margin`; otherwise `ok`.
 *
 * Source: guardrail metrics in online experimentation — Kohavi, Tang & Xu, "Trustworthy Online
 * Controlled Experiments" (2020), ch. 21; Spotify, "Risk-aware product decisions in A/B tests
 * with multiple metrics" (non-inferiority margins).
 *
 * @example
 * evaluateGuardrail({
 *   direction: 'decrease-is-good', // e.g. p95 latency in ms
 *   baseline: 200,
 *   threshold: { type: 'relative', value: 0.1 },
 *   value: 217,
 * });
 * // → { status: 'warning', limit: 220, deterioration: 17, marginUsed: 0.85 }
 */
export function evaluateGuardrail(input: GuardrailInput): GuardrailResult {
  const { direction, baseline, threshold, value, warnAt = 0.8 } = input;
  if (direction !== 'increase-is-good' && direction !== 'decrease-is-good') {
    throw new RangeError(
      `direction must be 'increase-is-good' or 'decrease-is-good', got ${String(direction)}`,
    );
  }
  assertFinite(baseline, 'baseline');
  assertFinite(value, 'value');
  if (threshold.type !== 'absolute' && threshold.type !== 'relative') {
    throw new RangeError(
      `threshold.type must be 'absolute' or 'relative', got ${String(threshold.type)}`,
    );
  }
  if (!Number.isFinite(threshold.value) || threshold.value < 0) {
    throw new RangeError(
      `threshold.value must be a finite number ≥ 0, got ${String(threshold.value)}`,
    );
  }
  if (!Number.isFinite(warnAt) || warnAt < 0 || warnAt > 1) {
    throw new RangeError(`warnAt must be between 0 and 1, got ${String(warnAt)}`);
  }

  const margin =
    threshold.type === 'absolute' ? threshold.value : Math.abs(baseline) * threshold.value;
  const increaseIsGood = direction === 'increase-is-good';
  const limit = increaseIsGood ? baseline - margin : baseline + margin;
  const deterioration = Math.max(0, increaseIsGood ? baseline - value : value - baseline);
  const slack = TOLERANCE * Math.max(1, Math.abs(baseline), Math.abs(value));

  let status: GuardrailStatus = 'ok';
  if (deterioration - margin > slack) status = 'breached';
  else if (deterioration > 0 && deterioration >= warnAt * margin - slack) status = 'warning';
  return { status, limit, deterioration, marginUsed: margin === 0 ? null : deterioration / margin };
}

function assertFinite(value: number, name: string): void {
  if (!Number.isFinite(value)) {
    throw new RangeError(`${name} must be a finite number, got ${String(value)}`);
  }
}
