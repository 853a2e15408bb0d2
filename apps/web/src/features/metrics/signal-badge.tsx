import { StatusBadge, type StatusStyle } from '../../components/status-badge';
import { formatDay } from '../../components/format';
import { signalRows, type XmrChartData } from '../../charts/xmr-chart-data';

const TOO_FEW: StatusStyle = { label: 'Too few points', color: 'gray', shape: 'ring' };
const ROUTINE: StatusStyle = { label: 'Routine variation', color: 'gray', shape: 'circle' };

/**
 * Whether the API's XmR analysis found a signal in the series shown: a real change rather than
 * noise. Shape and words carry it as well as the colour.
 */
export function SignalBadge({ data }: { data: XmrChartData | null }) {
  if (!data) return <StatusBadge status={TOO_FEW} prefix="XmR:" />;
  const signals = signalRows(data);
  const latest = signals[0];
  if (!latest)
    return (
      <StatusBadge
        status={ROUTINE}
        prefix="XmR:"
        title="No point beyond the limits or in a sustained run"
      />
    );
  return (
    <StatusBadge
      status={{
        label: signals.length === 1 ? '1 signal' : `${signals.length} signals`,
        color: 'orange',
        shape: 'diamond',
      }}
      prefix="XmR:"
      title={`Latest signal: ${formatDay(latest.timestamp)}`}
    />
  );
}
