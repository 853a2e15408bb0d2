/** The cycle-time percentiles as the API sends them. */
export interface Percentiles {
  p50: number | null;
  p85: number | null;
  p95: number | null;
}

export interface PercentileLine {
  label: 'p50' | 'p85' | 'p95';
  days: number;
  /** Told apart by dash pattern, not only colour. */
  dash: string;
}

/** Each percentile's dash pattern, the same on every chart that draws them. */
export const PERCENTILE_DASHES = { p50: '2 3', p85: '6 4', p95: '10 3 2 3' } as const;

/** One reference line per known percentile, smallest first; unknown percentiles are left out. */
export function percentileLines(percentiles: Percentiles): PercentileLine[] {
  return (['p50', 'p85', 'p95'] as const).flatMap((label) => {
    const days = percentiles[label];
    return days === null ? [] : [{ label, days, dash: PERCENTILE_DASHES[label] }];
  });
}
