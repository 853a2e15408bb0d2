import { ReferenceLine } from 'recharts';
import { DELIVERY_COLORS } from './delivery-colors';
import type { PercentileLine } from './percentile-lines';

/**
 * The p50/p85/p95 lines of a flow chart, each drawn with its own dash pattern and named with
 * its value in the chart's legend (`percentileLegend`): labels drawn beside the lines collided
 * whenever two percentiles were close. A function, not a component: Recharts reads its direct
 * children.
 */
export function percentileReferenceLines(lines: PercentileLine[]) {
  return lines.map((line) => (
    <ReferenceLine
      key={line.label}
      y={line.days}
      stroke={DELIVERY_COLORS.percentile}
      strokeDasharray={line.dash}
      strokeWidth={1.5}
      ifOverflow="extendDomain"
    />
  ));
}
