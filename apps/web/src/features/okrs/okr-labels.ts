import type {
  CheckInCadence,
  CheckInDue,
  Confidence,
  KeyResultKind,
  ObjectiveStatus,
  Pace,
} from '@bearing/contracts';
import type { StatusStyle } from '../../components/status-badge';

export const PACE_STYLES: Record<Pace, StatusStyle> = {
  'on-track': { label: 'On track', color: 'teal', shape: 'circle' },
  'at-risk': { label: 'At risk', color: 'yellow', shape: 'triangle' },
  'off-track': { label: 'Off track', color: 'red', shape: 'square' },
};

export const NOT_MEASURED: StatusStyle = { label: 'Not measured', color: 'gray', shape: 'ring' };

/** Confidence reads like pace: the check-in author's own call. */
export const CONFIDENCE_STYLES: Record<Confidence, StatusStyle> = PACE_STYLES;

export const CONFIDENCE_OPTIONS: readonly { value: Confidence; label: string }[] = [
  { value: 'on-track', label: 'On track' },
  { value: 'at-risk', label: 'At risk' },
  { value: 'off-track', label: 'Off track' },
];

export const CHECK_IN_DUE_STYLES: Record<CheckInDue, StatusStyle> = {
  due: { label: 'Check-in due', color: 'yellow', shape: 'triangle' },
  overdue: { label: 'Check-in overdue', color: 'red', shape: 'square' },
};

export const OBJECTIVE_STATUS_LABELS: Record<ObjectiveStatus, string> = {
  active: 'Active',
  closed: 'Closed',
  cancelled: 'Cancelled',
};

export const KIND_LABELS: Record<KeyResultKind, string> = {
  increase: 'Increase',
  decrease: 'Decrease',
  'stay-above': 'Stay above',
  'stay-below': 'Stay below',
  milestone: 'Milestone',
};

export const KIND_DESCRIPTIONS: Record<KeyResultKind, string> = {
  increase: 'Move a number up from a baseline to a target.',
  decrease: 'Bring a number down from a baseline to a target.',
  'stay-above': 'Keep a number at or above a threshold all period.',
  'stay-below': 'Keep a number at or below a threshold all period.',
  milestone: 'Done or not done; checked in by hand.',
};

export const CADENCE_LABELS: Record<CheckInCadence, string> = {
  weekly: 'Weekly',
  biweekly: 'Every two weeks',
  monthly: 'Monthly',
};
