/**
 * Score of a RAID-log risk on a 5 × 5 probability–impact matrix: `probability × impact`, each
 * a whole number 1–5, so the score runs 1–25.
 *
 * Source: the probability–impact matrix of the PMI PMBOK® Guide (qualitative risk analysis),
 * with the 1–5 scales common in program RAID logs.
 *
 * @example
 * riskScore({ probability: 3, impact: 5 }); // 15
 */
export function riskScore({
  probability,
  impact,
}: {
  probability: number;
  impact: number;
}): number {
  for (const [name, value] of [
    ['probability', probability],
    ['impact', impact],
  ] as const) {
    if (!Number.isInteger(value) || value < 1 || value > 5) {
      throw new RangeError(`${name} must be a whole number from 1 to 5, got ${String(value)}`);
    }
  }
  return probability * impact;
}
