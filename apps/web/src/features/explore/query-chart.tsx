import { Box, DEFAULT_THEME, Paper, Stack, Text, Title } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartLegend } from '../../charts/chart-legend';
import { AXIS_TICK, CHART_COLORS, CHART_HEIGHT } from '../../charts/chart-theme';
import { ChartTooltipCard, hoveredRow, type HoverProps } from '../../charts/chart-tooltip';
import { timeTickFormatter, timeTicks } from '../../charts/time-axis';
import { formatCompact, formatDateTime, formatNumber } from '../../components/format';
import type { BarChartData, ChartSeries, QueryChartData, TimeChartData } from './query-chart-data';

const { colors } = DEFAULT_THEME;

/** One colour and one dash pattern per series, so lines read apart without colour too. */
const SERIES_COLORS = [
  colors.indigo[6],
  colors.orange[7],
  colors.teal[7],
  colors.grape[7],
  colors.red[7],
  colors.cyan[8],
  colors.lime[8],
  colors.pink[7],
  colors.gray[7],
  colors.yellow[8],
];
const SERIES_DASHES = [undefined, '6 3', '2 3', '8 3 2 3', '12 4'];

const colorOf = (index: number) =>
  SERIES_COLORS[index % SERIES_COLORS.length] ?? CHART_COLORS.series;
const dashOf = (index: number) => SERIES_DASHES[index % SERIES_DASHES.length];

/**
 * The chart of an answer whose query ends in `render timechart` or `render barchart`, above
 * the table of the same rows (which is also its text alternative).
 */
export function QueryChart({ data }: { data: QueryChartData }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Query chart">
      {data.kind === 'none' ? (
        <Text size="sm" c="dimmed">
          {data.reason}
        </Text>
      ) : (
        <Stack gap="sm">
          <Title order={2} size="h5">
            {data.kind === 'timechart'
              ? `${data.series.map((series) => series.name).join(', ')} over ${data.x}`
              : `${data.series.map((series) => series.name).join(', ')} by ${data.category}`}
          </Title>
          {data.kind === 'timechart' ? <TimeChart data={data} /> : <Bars data={data} />}
          <SeriesLegend series={data.series} dashed={data.kind === 'timechart'} />
          {data.omitted > 0 && (
            <Text size="xs" c="dimmed">
              {data.kind === 'timechart'
                ? `${data.omitted} more series are in the table only.`
                : `${data.omitted} more rows are in the table only.`}
            </Text>
          )}
        </Stack>
      )}
    </Paper>
  );
}

function SeriesLegend({ series, dashed }: { series: ChartSeries[]; dashed: boolean }) {
  return (
    <ChartLegend
      items={series.map((entry, index) => ({
        label: entry.name,
        mark: dashed
          ? { kind: 'line', color: colorOf(index), dash: dashOf(index) }
          : { kind: 'shape', shape: 'square', color: colorOf(index) },
      }))}
    />
  );
}

type TimeRow = TimeChartData['rows'][number];

function TimeChart({ data }: { data: TimeChartData }) {
  const first = data.rows[0]?.time ?? 0;
  const last = data.rows.at(-1)?.time ?? 0;
  const tick = timeTickFormatter('day', last - first);
  return (
    <Box role="figure" aria-label={`Line chart over ${data.x}`}>
      <LineChart
        responsive
        style={{ width: '100%', height: CHART_HEIGHT }}
        data={data.rows}
        margin={{ top: 8, right: 24, bottom: 4, left: 4 }}
        title={`Line chart over ${data.x}`}
        desc={`${data.rows.length} points of ${data.series.length} series.`}
      >
        <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
        <XAxis
          dataKey="time"
          type="number"
          scale="time"
          domain={[first, last]}
          ticks={timeTicks(first, last)}
          tickFormatter={tick}
          tick={AXIS_TICK}
        />
        <YAxis
          tick={AXIS_TICK}
          width={56}
          tickFormatter={(value: number) => formatCompact(value)}
        />
        <Tooltip
          content={({ active, payload }) => (
            <TimeTooltip active={active} payload={payload} series={data.series} />
          )}
        />
        {data.series.map((series, index) => (
          <Line
            key={series.name}
            name={series.name}
            type="linear"
            dataKey={(row: TimeRow) => row.values[index]}
            stroke={colorOf(index)}
            strokeDasharray={dashOf(index)}
            strokeWidth={2}
            dot={data.rows.length <= 60}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </Box>
  );
}

function TimeTooltip({ active, payload, series }: HoverProps & { series: ChartSeries[] }) {
  const row = hoveredRow<TimeRow>(payload);
  if (!active || !row) return null;
  return (
    <ChartTooltipCard
      heading={formatDateTime(row.time)}
      lines={series.map(
        (entry, index) => `${entry.name}: ${formatNumber(row.values[index] ?? null)}`,
      )}
    />
  );
}

type BarRow = BarChartData['rows'][number];
/** Room for each bar, so that labels and bars never crowd. */
const BAR_HEIGHT = 14;

/** Bars across the chart, one row per category, as KQL's barchart draws them. */
function Bars({ data }: { data: BarChartData }) {
  const height = Math.max(
    CHART_HEIGHT,
    data.rows.length * (data.series.length + 1) * BAR_HEIGHT + 40,
  );
  return (
    <Box role="figure" aria-label={`Bar chart by ${data.category}`}>
      <BarChart
        responsive
        layout="vertical"
        style={{ width: '100%', height }}
        data={data.rows}
        margin={{ top: 8, right: 24, bottom: 4, left: 4 }}
        title={`Bar chart by ${data.category}`}
        desc={`${data.rows.length} bars of ${data.series.map((entry) => entry.name).join(', ')}.`}
      >
        <CartesianGrid stroke={CHART_COLORS.grid} horizontal={false} />
        <XAxis
          type="number"
          tick={AXIS_TICK}
          tickFormatter={(value: number) => formatCompact(value)}
        />
        <YAxis type="category" dataKey="label" tick={AXIS_TICK} width={120} />
        <Tooltip
          content={({ active, payload }) => (
            <BarTooltip active={active} payload={payload} series={data.series} />
          )}
        />
        {data.series.map((series, index) => (
          <Bar
            key={series.name}
            name={series.name}
            dataKey={(row: BarRow) => row.values[index]}
            fill={colorOf(index)}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </Box>
  );
}

function BarTooltip({ active, payload, series }: HoverProps & { series: ChartSeries[] }) {
  const row = hoveredRow<BarRow>(payload);
  if (!active || !row) return null;
  return (
    <ChartTooltipCard
      heading={row.label}
      lines={series.map(
        (entry, index) => `${entry.name}: ${formatNumber(row.values[index] ?? null)}`,
      )}
    />
  );
}
