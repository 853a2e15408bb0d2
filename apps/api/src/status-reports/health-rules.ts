import {
  HEALTH_REASON_SEVERITY,
  type HealthReason,
  type HealthReasonCode,
  MILESTONE_SLIP_AT_RISK_AFTER_DAYS,
  OFF_TRACK_AT_RISK_REASONS,
  type ProgramHealth,
  type ReportSectionKey,
  type ReportSections,
} from '@bearing/contracts';

/**
 * The health rules of status reports, in one place (their constants and the severity of each
 * reason are documented in `@bearing/contracts`, status-reports.ts):
 * - a breached guardrail, an off-track key result, an open milestone more than two weeks late
 *   against its baseline, an overdue dependency: each is an *at-risk* reason;
 * - a guardrail in warning, a key result at risk, a smaller slip, an open high-score risk, an
 *   overdue check-in: each is a *watch* reason, listed but never raising the health;
 * - no at-risk reason → on-track; one or two → at-risk; three or more ("several") → off-track.
 */

/** A reason as a collector states it; its severity and section are added here. */
export type CollectedReason = Omit<HealthReason, 'severity' | 'section'>;

export function classifyReason(section: ReportSectionKey, reason: CollectedReason): HealthReason {
  return { ...reason, severity: HEALTH_REASON_SEVERITY[reason.code], section };
}

export function suggestHealth(reasons: readonly Pick<HealthReason, 'severity'>[]): ProgramHealth {
  const atRisk = reasons.filter(({ severity }) => severity === 'at-risk').length;
  if (atRisk >= OFF_TRACK_AT_RISK_REASONS) return 'off-track';
  return atRisk > 0 ? 'at-risk' : 'on-track';
}

/** The reason an open milestone's slip gives, if any: none when on time or early. */
export function milestoneSlipReasonCode(slipDays: number): HealthReasonCode | null {
  if (slipDays > MILESTONE_SLIP_AT_RISK_AFTER_DAYS) return 'milestone-slipped-past-threshold';
  return slipDays > 0 ? 'milestone-slipped' : null;
}

/**
 * "Green outside, red inside": a report that says on-track while its own snapshot holds an
 * off-track key result or a breached guardrail.
 */
export function isWatermelon(
  health: ProgramHealth,
  sections: Pick<ReportSections, 'keyResults' | 'guardrails'>,
): boolean {
  if (health !== 'on-track') return false;
  const offTrackKeyResult =
    sections.keyResults.status === 'available' &&
    sections.keyResults.items.some(({ pace }) => pace === 'off-track');
  const breachedGuardrail =
    sections.guardrails.status === 'available' &&
    sections.guardrails.items.some(({ status }) => status === 'breached');
  return offTrackKeyResult || breachedGuardrail;
}
