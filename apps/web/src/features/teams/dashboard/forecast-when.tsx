import { Group, NumberInput, SimpleGrid, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { type SampleWindow, useForecastWhen } from '../../../api/delivery';
import { forecastBars } from '../../../charts/delivery/forecast-chart-data';
import { ForecastTable } from '../../../charts/delivery/forecast-table';
import { formatDays, formatPercent } from '../../../charts/figures';
import { lazyChart } from '../../../charts/lazy-chart';
import { formatDay } from '../../../components/format';
import { DeliveryChart } from './delivery-chart';
import { insufficientHistoryNotice } from './insufficient-history';
import { PercentileFigure } from './percentile-figure';

const ForecastHistogram = lazyChart(
  async () => (await import('../../../charts/delivery/forecast-histogram')).ForecastHistogram,
);

const MAX_ITEMS = 100_000;

export interface ForecastWhenProps {
  workspace: string;
  teamId: string;
  sample: SampleWindow;
  /** False until the panel is seen: nothing is asked before. */
  enabled: boolean;
}

/** "When will these N items be done?": p50/p85/p95 dates and the distribution of finish days. */
export function ForecastWhen({ workspace, teamId, sample, enabled }: ForecastWhenProps) {
  const [typed, setTyped] = useState<number | string>(20);
  const valid = typeof typed === 'number' && Number.isInteger(typed) && typed >= 1;
  // Ask once typing pauses, not for every keystroke.
  const [remaining] = useDebouncedValue(valid ? typed : null, 400);
  const forecast = useForecastWhen(workspace, teamId, enabled ? remaining : null, sample);
  const result = forecast.data?.insufficientHistory === false ? forecast.data : undefined;
  const bars = useMemo(() => (result ? forecastBars(result) : []), [result]);

  return (
    <DeliveryChart
      title="When will these items be done?"
      definition="forecastWhen"
      query={forecast}
      content={
        result && bars.length > 0
          ? {
              chart: <ForecastHistogram bars={bars} remaining={result.remaining} />,
              table: <ForecastTable bars={bars} />,
            }
          : null
      }
      empty={
        forecast.data?.insufficientHistory
          ? insufficientHistoryNotice(forecast.data)
          : {
              title: 'Nothing could finish',
              description: 'No trial finished within ten years: widen the sample window.',
            }
      }
    >
      <Group align="flex-start" gap="md" wrap="wrap">
        <NumberInput
          label="Items to finish"
          w={160}
          min={1}
          max={MAX_ITEMS}
          allowDecimal={false}
          allowNegative={false}
          value={typed}
          onChange={setTyped}
          error={valid ? undefined : 'Enter a whole number of items, at least 1'}
        />
      </Group>
      {result && (
        <>
          <SimpleGrid cols={3} spacing="sm" data-testid="forecast-when-dates">
            {(['p50', 'p85', 'p95'] as const).map((label) => (
              <PercentileFigure
                key={label}
                label={label}
                value={
                  result.dates[label] === null
                    ? 'not within 10 years'
                    : formatDay(result.dates[label])
                }
                note={result[label] === null ? '' : `in ${formatDays(result[label])} or fewer`}
              />
            ))}
          </SimpleGrid>
          {result.unfinished > 0 && (
            <Text size="xs" c="dimmed">
              {formatPercent(result.unfinished / result.trials)} of trials did not finish within ten
              years.
            </Text>
          )}
        </>
      )}
    </DeliveryChart>
  );
}
