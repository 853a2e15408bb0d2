import { ReferenceLine } from 'recharts';
import { formatNumber } from '../../components/format';
import { DELIVERY_COLORS } from './delivery-colors';
import type { PercentileLine } from './percentile-lines';

/**
 * The p50/p85/p95 lines of a flow chart, each labelled with its name and value and drawn with
 * its own dash pattern. A function, not a component: Recharts reads its direct children.
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
      label={{
        value: `${line.label} ${formatNumber(line.days)} d`,
        position: 'right',
        fontSize: 11,
        fill: DELIVERY_COLORS.percentile,
      }}
    />
  ));
}
