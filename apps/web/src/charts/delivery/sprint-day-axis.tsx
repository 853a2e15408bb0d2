import { formatShortDay } from '../../components/format';
import { timeTicks } from '../time-axis';
import type { SprintDayRow } from './sprint-chart-data';

/** The shared x-axis settings of the burndown and the burnup: one tick per day or week. */
export function sprintDayAxis(rows: SprintDayRow[]) {
  const first = rows[0]?.time ?? 0;
  const last = rows[rows.length - 1]?.time ?? 0;
  return {
    dataKey: 'time',
    type: 'number' as const,
    scale: 'time' as const,
    domain: [first, last],
    ticks: timeTicks(first, last),
    tickFormatter: (time: number) => formatShortDay(time),
    minTickGap: 16,
  };
}
