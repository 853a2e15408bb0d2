import {
  type HealthReason,
  type ProgramHealth,
  type ReportSectionKey,
  type ReportSections,
} from '@bearing/contracts';
import { healthSignalSeverity } from '@bearing/metrics';

/**
 * The health rules of status reports live in `@bearing/metrics` (`suggestedHealth`,
 * `milestoneSlipSignal`, `healthSignalSeverity`: thresholds and the reasons → health mapping,
 * documented in its README). A reason's `code` is the metrics' signal code. `@bearing/contracts`
 * mirrors the severities and thresholds for clients; health-rules.spec.ts checks they agree.
 */

/** A reason as a collector states it; its severity and section are added here. */
export type CollectedReason = Omit<HealthReason, 'severity' | 'section'>;

export function classifyReason(section: ReportSectionKey, reason: CollectedReason): HealthReason {
  return { ...reason, severity: healthSignalSeverity(reason.code), section };
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
