import type { Alert, AlertRule } from '@bearing/contracts';
import type { StatusStyle } from '../../components/status-badge';

type Severity = AlertRule['severity'];
type AlertState = Alert['state'];

/** Severity in words, colour and shape, like every other status in the app. */
export const SEVERITY_STYLES: Record<Severity, StatusStyle> = {
  high: { label: 'High', color: 'red', shape: 'square' },
  medium: { label: 'Medium', color: 'yellow', shape: 'triangle' },
  low: { label: 'Low', color: 'blue', shape: 'circle' },
};

export const STATE_STYLES: Record<AlertState, StatusStyle> = {
  firing: { label: 'Firing', color: 'red', shape: 'diamond', variant: 'outline' },
  acknowledged: { label: 'Acknowledged', color: 'yellow', shape: 'half', variant: 'outline' },
  resolved: { label: 'Resolved', color: 'teal', shape: 'circle', variant: 'outline' },
};

/** The order the Alerts page lists them in: what needs someone first. */
export const STATE_ORDER: readonly AlertState[] = ['firing', 'acknowledged', 'resolved'];

export const SEVERITY_OPTIONS: readonly { value: Severity; label: string }[] = [
  { value: 'high', label: 'High' },
  { value: 'medium', label: 'Medium' },
  { value: 'low', label: 'Low' },
];

/** "every 15 min", "every 2 h", "every day": a schedule as people say it. */
export function everyPhrase(minutes: number): string {
  return minutes === 1440 ? 'every day' : `every ${minutesPhrase(minutes)}`;
}

/** 15 → "15 min", 120 → "2 h", 1440 → "1 day", 2880 → "2 days". */
export function minutesPhrase(minutes: number): string {
  if (minutes % 1440 === 0) return minutes === 1440 ? '1 day' : `${minutes / 1440} days`;
  if (minutes % 60 === 0) return `${minutes / 60} h`;
  return `${minutes} min`;
}

/** The trigger in one line: "row count > 0" or "worst > 200 in any row". */
export function triggerPhrase(trigger: AlertRule['trigger']): string {
  return trigger.column === undefined
    ? `row count ${trigger.op} ${trigger.threshold}`
    : `${trigger.column} ${trigger.op} ${trigger.threshold} in any row`;
}
