import type { KeyResult } from '@bearing/contracts';
import { formatValue } from '../../components/format';

/** "From 0 to 100 users", "Stay at or below 200 ms", "Milestone": what the key result asks. */
export function describeTarget(keyResult: KeyResult): string {
  const { kind, unit, baseline, target } = keyResult;
  switch (kind) {
    case 'increase':
    case 'decrease':
      return `From ${formatValue(baseline, unit)} to ${formatValue(target, unit)}`;
    case 'stay-above':
      return `Stay at or above ${formatValue(target, unit)}`;
    case 'stay-below':
      return `Stay at or below ${formatValue(target, unit)}`;
    case 'milestone':
      return 'Milestone: done or not';
  }
}

/** "Now 40 users", "Done", or "No value yet". */
export function describeCurrent(keyResult: KeyResult): string {
  if (keyResult.current === null) return 'No value yet';
  if (keyResult.kind === 'milestone') return keyResult.current === 1 ? 'Done' : 'Not done';
  return `Now ${formatValue(keyResult.current, keyResult.unit)}`;
}
