/** A calendar day `YYYY-MM-DD` as epoch milliseconds at its UTC midnight, for a time axis. */
export function dayTime(day: string): number {
  return Date.parse(`${day.slice(0, 10)}T00:00:00.000Z`);
}
