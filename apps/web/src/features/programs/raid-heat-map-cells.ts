import { RAID_HIGH_SCORE, type RaidItem } from '@bearing/contracts';

/** Ratings run 1 (lowest) to 5 (highest) on both axes. */
export const RATINGS = [1, 2, 3, 4, 5] as const;

/** How serious a cell of the matrix is, by its score (probability × impact). */
export type ScoreBand = 'low' | 'medium' | 'high';

/**
 * Scores below this are "low" (the bottom-left of a 5 × 5 matrix: 1–4); from it up to
 * `RAID_HIGH_SCORE` they are "medium"; `RAID_HIGH_SCORE` and above are "high", the band status
 * reports list.
 */
export const MEDIUM_SCORE_FROM = 5;

/** Which RAID items the heat map and the list under it count: the open ones, or all. */
export type RaidScope = 'open' | 'all';

/**
 * The items a scope counts. "Open" is the status `open`, as everywhere else in Bearing (the
 * portfolio's open risks, the status report's RAID counts): an item handled per ROAM —
 * resolved, owned, accepted or mitigated — no longer weighs on the matrix unless "All" is asked.
 */
export function raidItemsInScope<Item extends Pick<RaidItem, 'status'>>(
  items: readonly Item[],
  scope: RaidScope,
): Item[] {
  return scope === 'all' ? [...items] : items.filter(({ status }) => status === 'open');
}

export interface HeatMapCell {
  probability: number;
  impact: number;
  /** probability × impact of the cell. */
  score: number;
  band: ScoreBand;
  /** Items rated exactly this probability and impact. */
  count: number;
}

export function scoreBand(score: number): ScoreBand {
  if (score >= RAID_HIGH_SCORE) return 'high';
  return score >= MEDIUM_SCORE_FROM ? 'medium' : 'low';
}

/**
 * The 5 × 5 probability × impact matrix as rows of cells, highest impact first (the top row of
 * the drawing), probability 1 → 5 left to right, each counting the items rated so. Items rated
 * outside 1–5 (which the API refuses) are not counted.
 */
export function heatMapRows(items: readonly Pick<RaidItem, 'probability' | 'impact'>[]) {
  const counts = new Map<string, number>();
  for (const item of items) {
    const key = `${item.probability}:${item.impact}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...RATINGS].reverse().map((impact) =>
    RATINGS.map((probability): HeatMapCell => ({
      probability,
      impact,
      score: probability * impact,
      band: scoreBand(probability * impact),
      count: counts.get(`${probability}:${impact}`) ?? 0,
    })),
  );
}
