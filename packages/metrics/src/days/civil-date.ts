/**
 * Proleptic Gregorian calendar arithmetic on plain integers. Internal.
 *
 * `Date.UTC` is not used for parsing because it maps years 0–99 to 1900–1999 and silently rolls
 * impossible dates over (2024-02-30 becomes 2024-03-01); these functions do neither.
 */

/**
 * Days from 1970-01-01 to `year-month-day` (month 1–12), negative before it. Howard Hinnant's
 * `days_from_civil` ("chrono-Compatible Low-Level Date Algorithms", 2013).
 *
 * @example daysFromCivil(2024, 3, 1) // 19783
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const shiftedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(shiftedYear / 400);
  const yearOfEra = shiftedYear - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Days in `month` (1–12) of `year`: Gregorian leap years are divisible by 4, not by 100 unless by 400. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
