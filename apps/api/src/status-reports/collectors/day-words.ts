/** "1 day", "3 days". */
export function dayCount(days: number): string {
  const count = Math.abs(days);
  return `${count} ${count === 1 ? 'day' : 'days'}`;
}

/** How a date compares to its baseline: "21 days late", "2 days early", "on time". */
export function slipWords(slipDays: number): string {
  if (slipDays === 0) return 'on time';
  return `${dayCount(slipDays)} ${slipDays > 0 ? 'late' : 'early'}`;
}
