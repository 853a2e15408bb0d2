import type { SprintSource, SprintState } from '@bearing/contracts';
import type { StatusStyle } from '../../../components/status-badge';

/** A sprint's state in words, colour and shape, in the order sprints go through them. */
export const SPRINT_STATE_STYLES: Record<SprintState, StatusStyle> = {
  future: { label: 'Future', color: 'gray', shape: 'ring' },
  active: { label: 'Active', color: 'indigo', shape: 'circle' },
  closed: { label: 'Closed', color: 'teal', shape: 'square' },
};

export const SPRINT_STATE_OPTIONS: readonly { value: SprintState; label: string }[] = [
  { value: 'future', label: 'Future — not started' },
  { value: 'active', label: 'Active — under way' },
  { value: 'closed', label: 'Closed — finished' },
];

export const SPRINT_SOURCE_LABELS: Record<SprintSource, string> = {
  manual: 'Made here',
  jira: 'Jira import',
};
