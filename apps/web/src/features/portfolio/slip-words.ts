/** "3 weeks late" / "4 days late": how far a milestone has moved past its baseline. */
export function slipInWords(slipDays: number): string {
  if (slipDays <= 0) return 'on its baseline';
  if (slipDays % 7 === 0) {
    const weeks = slipDays / 7;
    return `${weeks} ${weeks === 1 ? 'week' : 'weeks'} late`;
  }
  return `${slipDays} ${slipDays === 1 ? 'day' : 'days'} late`;
}
