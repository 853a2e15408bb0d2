import type {
  HealthReason,
  ProgramDependencyStatus,
  ProgramHealth,
  RaidKind,
  RaidStatus,
} from '@bearing/contracts';
import type { StatusStyle } from '../../components/status-badge';

/** Health reads like pace: words, colour and shape. */
export const HEALTH_STYLES: Record<ProgramHealth, StatusStyle> = {
  'on-track': { label: 'On track', color: 'teal', shape: 'circle' },
  'at-risk': { label: 'At risk', color: 'yellow', shape: 'triangle' },
  'off-track': { label: 'Off track', color: 'red', shape: 'square' },
};

export const HEALTH_OPTIONS: readonly { value: ProgramHealth; label: string }[] = [
  { value: 'on-track', label: 'On track' },
  { value: 'at-risk', label: 'At risk' },
  { value: 'off-track', label: 'Off track' },
];

/** Whether a health reason raised the suggested health or is only listed to watch. */
export const HEALTH_REASON_SEVERITY_STYLES: Record<HealthReason['severity'], StatusStyle> = {
  'at-risk': { label: 'Raises health', color: 'red', shape: 'square' },
  watch: { label: 'Watch', color: 'yellow', shape: 'triangle' },
};

/** Green outside, red inside: said in words, with its own shape. */
export const WATERMELON_STYLE: StatusStyle = {
  label: 'Watermelon',
  color: 'pink',
  shape: 'diamond',
};

export const RAID_KIND_LABELS: Record<RaidKind, string> = {
  risk: 'Risk',
  assumption: 'Assumption',
  issue: 'Issue',
  dependency: 'Dependency',
};

export const RAID_STATUS_LABELS: Record<RaidStatus, string> = {
  open: 'Open',
  resolved: 'Resolved',
  owned: 'Owned',
  accepted: 'Accepted',
  mitigated: 'Mitigated',
};

export const DEPENDENCY_STATUS_LABELS: Record<ProgramDependencyStatus, string> = {
  open: 'Open',
  committed: 'Committed',
  blocked: 'Blocked',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
};

export const OVERDUE_STYLE: StatusStyle = { label: 'Overdue', color: 'red', shape: 'square' };
