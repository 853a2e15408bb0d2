/** A program's health, as its status report states it. */
export type ProgramHealth = 'on-track' | 'at-risk' | 'off-track';

/** What the data of a program says, one fact per signal (e.g. one per breached guardrail). */
export type HealthSignalCode =
  | 'guardrail-breached'
  | 'guardrail-warning'
  | 'key-result-off-track'
  | 'key-result-at-risk'
  | 'milestone-slipped-past-threshold'
  | 'milestone-slipped'
  | 'dependency-overdue'
  | 'risk-high-score-open'
  | 'check-in-overdue';

/** Whether a signal raises the suggested health (`at-risk`) or is listed to watch only. */
export type HealthSignalSeverity = 'at-risk' | 'watch';

/**
 * What each signal does to the suggested health. A breached guardrail, an off-track key result,
 * a milestone more than `MILESTONE_SLIP_AT_RISK_AFTER_DAYS` late against its baseline and an
 * overdue dependency are facts that put the program at risk; a guardrail in warning, a key
 * result at risk, a smaller slip, an open high-score risk and an overdue check-in are signals
 * to watch.
 */
export const HEALTH_SIGNAL_SEVERITY: Readonly<Record<HealthSignalCode, HealthSignalSeverity>> =
  Object.freeze({
    'guardrail-breached': 'at-risk',
    'guardrail-warning': 'watch',
    'key-result-off-track': 'at-risk',
    'key-result-at-risk': 'watch',
    'milestone-slipped-past-threshold': 'at-risk',
    'milestone-slipped': 'watch',
    'dependency-overdue': 'at-risk',
    'risk-high-score-open': 'watch',
    'check-in-overdue': 'watch',
  });

/** An open milestone more than this many days late against its baseline puts the program at risk. */
export const MILESTONE_SLIP_AT_RISK_AFTER_DAYS = 14;

/** This many at-risk signals or more ("several of these") make the program off-track. */
export const OFF_TRACK_AT_RISK_SIGNALS = 3;

/** The severity of one signal; an unknown code throws `RangeError` naming `code`. */
export function healthSignalSeverity(code: HealthSignalCode): HealthSignalSeverity {
  if (!Object.hasOwn(HEALTH_SIGNAL_SEVERITY, code)) {
    throw new RangeError(`code must be a health signal code, got ${JSON.stringify(code)}`);
  }
  return HEALTH_SIGNAL_SEVERITY[code];
}

/**
 * The signal an open milestone's slip gives: none when on time or early (`slipDays` ≤ 0),
 * `milestone-slipped` up to `MILESTONE_SLIP_AT_RISK_AFTER_DAYS` late, then
 * `milestone-slipped-past-threshold`. `slipDays` must be a whole number (`RangeError` otherwise).
 *
 * @example
 * milestoneSlipSignal(21); // 'milestone-slipped-past-threshold'
 */
export function milestoneSlipSignal(slipDays: number): HealthSignalCode | null {
  if (!Number.isInteger(slipDays)) {
    throw new RangeError(`slipDays must be a whole number of days, got ${String(slipDays)}`);
  }
  if (slipDays > MILESTONE_SLIP_AT_RISK_AFTER_DAYS) return 'milestone-slipped-past-threshold';
  return slipDays > 0 ? 'milestone-slipped' : null;
}

/**
 * The health a program's data suggests for its weekly status report: `on-track` without at-risk
 * signals (watch signals are listed but never raise it), `at-risk` with one or two, `off-track`
 * with `OFF_TRACK_AT_RISK_SIGNALS` (3) or more. Every occurrence counts: two breached guardrails
 * are two signals. The TPM may override the suggestion, with a reason.
 *
 * Source: the RAG (red/amber/green) status of program reporting, made explicit — amber when a
 * committed outcome is in danger (a guardrail breached, a key result off pace, a milestone slip
 * beyond tolerance, a dependency missed), red when several are — after the PMI PMBOK® Guide's
 * status reporting against the performance baseline and the "watermelon" critique of RAG
 * reports that stay green over red facts.
 *
 * @example
 * suggestedHealth([{ code: 'guardrail-breached' }, { code: 'risk-high-score-open' }]); // 'at-risk'
 */
export function suggestedHealth(signals: readonly { code: HealthSignalCode }[]): ProgramHealth {
  let atRisk = 0;
  signals.forEach(({ code }, index) => {
    if (!Object.hasOwn(HEALTH_SIGNAL_SEVERITY, code)) {
      throw new RangeError(
        `signals[${index}].code must be a health signal code, got ${JSON.stringify(code)}`,
      );
    }
    if (HEALTH_SIGNAL_SEVERITY[code] === 'at-risk') atRisk += 1;
  });
  if (atRisk >= OFF_TRACK_AT_RISK_SIGNALS) return 'off-track';
  return atRisk > 0 ? 'at-risk' : 'on-track';
}
