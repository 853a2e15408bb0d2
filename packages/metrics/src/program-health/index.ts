export {
  HEALTH_SIGNAL_SEVERITY,
  type HealthSignalCode,
  type HealthSignalSeverity,
  healthSignalSeverity,
  MILESTONE_SLIP_AT_RISK_AFTER_DAYS,
  milestoneSlipSignal,
  OFF_TRACK_AT_RISK_SIGNALS,
  type ProgramHealth,
  suggestedHealth,
} from './suggested-health.js';
export { isMilestoneOverdue, milestoneMovedDays, milestoneSlipDays } from './milestone-slip.js';
