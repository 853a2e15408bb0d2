/**
 * Allocation is a share of time, 0–1, in the API and a percentage on screen. Rounded to whole
 * hundredths so 35 % is sent as 0.35, not 0.35000000000000003.
 */
export function allocationFromPercent(percent: number): number {
  return Math.round(percent) / 100;
}

export function percentFromAllocation(allocation: number): number {
  return Math.round(allocation * 100);
}
