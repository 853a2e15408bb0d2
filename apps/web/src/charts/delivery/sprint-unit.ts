import type { SprintBurndownResponse } from '@bearing/contracts';
import { formatPoints } from '../figures';

export type SprintUnit = SprintBurndownResponse['unit'];

/** "points" or "items", as the sprint reports count. */
export function unitLabel(unit: SprintUnit): string {
  return unit === 'points' ? 'points' : 'items';
}

/** "▲ Added 5 points", "▲ Removed 2 points" for a day whose scope changed. */
export function scopeChangeLines(row: { added: number; removed: number }, label: string): string[] {
  const lines: string[] = [];
  if (row.added !== 0) lines.push(`▲ Added ${formatPoints(row.added)} ${label}`);
  if (row.removed !== 0) lines.push(`▲ Removed ${formatPoints(row.removed)} ${label}`);
  return lines;
}
