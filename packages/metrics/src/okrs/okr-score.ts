/**
 * An OKR grade on Google's 0.0–1.0 scale: progress clamped to [0, 1] and rounded to one
 * decimal (halves round up). 0.6–0.7 is the sweet spot for an aspirational OKR; consistently
 * 1.0 means the goals were not ambitious enough. `null` progress gives `null`.
 *
 * Source: Google re:Work, "Guide: Set goals with OKRs" — grading on a 0.0 to 1.0 scale.
 *
 * @example
 * okrScore(0.66); // → 0.7
 * okrScore(1.25); // → 1
 */
export function okrScore(progress: number | null): number | null {
  if (progress === null) return null;
  if (!Number.isFinite(progress)) {
    throw new RangeError(`progress must be a finite number, got ${String(progress)}`);
  }
  const clamped = Math.min(1, Math.max(0, progress));
  // Snap to 1e-9 first so that a computed 0.6499999999999999 (really 0.65) rounds to 0.7.
  return Math.round(Number((clamped * 10).toFixed(9))) / 10;
}
