/**
 * Zero-based index of the nearest-rank order statistic x₍⌈p·n⌉₎ among `n` sorted values, with
 * p = 0 giving the minimum (index 0). Internal, shared with the Monte Carlo forecasts.
 *
 * p·n is snapped to the nearest integer when it is within floating-point noise of one, so that
 * 0.07 × 100 = 7.000000000000001 ranks as 7, not 8.
 */
export function nearestRankIndex(n: number, p: number): number {
  const rank = p * n;
  const nearestInteger = Math.round(rank);
  const snapped =
    Math.abs(rank - nearestInteger) <= 1e-9 * Math.max(1, rank) ? nearestInteger : rank;
  return Math.min(n - 1, Math.max(0, Math.ceil(snapped) - 1));
}
