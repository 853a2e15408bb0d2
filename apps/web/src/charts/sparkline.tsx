import { Line, LineChart, YAxis } from 'recharts';
import { CHART_COLORS } from './chart-theme';
import { SignalDot } from './signal-dot';

export interface SparklinePoint {
  value: number;
  signal: boolean;
}

export interface SparklineProps {
  data: SparklinePoint[];
  /** What a screen reader hears instead, e.g. "30 values, latest 217 ms, 1 signal". */
  label: string;
  width?: number;
  height?: number;
}

/** A trend in a table cell: the line, with signals as diamonds. Pure. */
export function Sparkline({ data, label, width = 140, height = 36 }: SparklineProps) {
  return (
    <div role="img" aria-label={label} style={{ width, height }}>
      <LineChart
        width={width}
        height={height}
        data={data}
        margin={{ top: 6, right: 6, bottom: 6, left: 6 }}
        accessibilityLayer={false}
      >
        <YAxis hide domain={['dataMin', 'dataMax']} />
        <Line
          type="linear"
          dataKey="value"
          stroke={CHART_COLORS.series}
          strokeWidth={1.5}
          isAnimationActive={false}
          dot={(props) =>
            data[props.index]?.signal ? (
              <SignalDot key={props.index} cx={props.cx} cy={props.cy} signal size={4} />
            ) : null
          }
          activeDot={false}
        />
      </LineChart>
    </div>
  );
}
