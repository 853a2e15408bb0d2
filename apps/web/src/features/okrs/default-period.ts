/** What choosing a default period needs. Periods come latest start first, as the API lists them. */
export interface PeriodDays {
  id: string;
  start: string;
  end: string;
}

/**
 * The period to open when the URL names none: the one running today (the latest-starting if
 * several overlap), else the next to start, else the latest one; `null` without periods.
 */
export function defaultPeriodId(periods: readonly PeriodDays[], today: string): string | null {
  const running = periods.filter((period) => period.start <= today && today <= period.end);
  if (running.length > 0) return latestStart(running).id;
  const upcoming = periods.filter((period) => period.start > today);
  if (upcoming.length > 0) return earliestStart(upcoming).id;
  return periods.length > 0 ? latestStart(periods).id : null;
}

function latestStart<Period extends PeriodDays>(periods: readonly Period[]): Period {
  return periods.reduce((best, period) => (period.start > best.start ? period : best));
}

function earliestStart<Period extends PeriodDays>(periods: readonly Period[]): Period {
  return periods.reduce((best, period) => (period.start < best.start ? period : best));
}
