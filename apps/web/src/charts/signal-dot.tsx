import { CHART_COLORS } from './chart-theme';

export interface SignalDotProps {
  cx?: number | undefined;
  cy?: number | undefined;
  signal: boolean;
  color?: string;
  /** Half the diagonal of a signal's diamond, in pixels. */
  size?: number;
}

/**
 * A point on a process-behaviour chart: a small circle for routine variation, a larger diamond
 * with an outline for a signal — shape and colour both say it.
 */
export function SignalDot({
  cx,
  cy,
  signal,
  color = CHART_COLORS.series,
  size = 7,
}: SignalDotProps) {
  if (cx === undefined || cy === undefined) return null;
  if (!signal) return <circle cx={cx} cy={cy} r={3} fill={color} stroke="white" strokeWidth={1} />;
  return (
    <path
      d={`M${cx} ${cy - size} L${cx + size} ${cy} L${cx} ${cy + size} L${cx - size} ${cy} Z`}
      fill={CHART_COLORS.signal}
      stroke="white"
      strokeWidth={1.5}
      data-signal="true"
    />
  );
}
