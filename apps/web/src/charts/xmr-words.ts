import type { XmrLimitsWindow, XmrStatus } from '@bearing/contracts';
import { formatShortDay } from '../components/format';

/**
 * Where a set of XmR limits comes from, in a short sentence every surface uses: "Limits from the
 * 20 values from Mar 3 to Mar 22", "Provisional limits from the 8 values from …", ", after a
 * shift up" when a sustained shift started them.
 */
export function limitsWindowWords(
  window: XmrLimitsWindow,
  shift: Pick<NonNullable<XmrStatus['shift']>, 'direction'> | null = null,
): string {
  const from = formatShortDay(window.from);
  const to = formatShortDay(window.to);
  const days = from === to ? `of ${from}` : `from ${from} to ${to}`;
  return `${window.provisional ? 'Provisional limits' : 'Limits'} from the ${window.count} values ${days}${
    shift ? `, after a shift ${shift.direction}` : ''
  }`;
}
