import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useId, useState } from 'react';
import { type SampleWindow, useForecastHowMany } from '../../../api/delivery';
import { MetricDefinition } from '../../../charts/metric-definition';
import { ErrorAlert } from '../../../components/error-alert';
import { addDays, formatDay } from '../../../components/format';
import { LoadingRows } from '../../../components/loading-rows';
import { howManyDays } from './forecast-inputs';
import { InsufficientHistoryNotice } from './insufficient-history';
import { PercentileFigure } from './percentile-figure';
import { DayInput } from '../../../components/day-input';

export interface ForecastHowManyProps {
  workspace: string;
  teamId: string;
  sample: SampleWindow;
  /** The team's today, from which the days to the date are counted. */
  today: string;
  /** False until the panel is seen: nothing is asked before. */
  enabled: boolean;
}

/** "How many items by this date?": the counts reached with 50, 85 and 95 % confidence. */
export function ForecastHowMany({
  workspace,
  teamId,
  sample,
  today,
  enabled,
}: ForecastHowManyProps) {
  const titleId = useId();
  const [date, setDate] = useState(() => addDays(today, 14));
  const [debouncedDate] = useDebouncedValue(date, 400);
  const asked = howManyDays(today, debouncedDate);
  const typedCheck = howManyDays(today, date);
  const forecast = useForecastHowMany(
    workspace,
    teamId,
    enabled && 'days' in asked ? asked.days : null,
    sample,
  );
  const result = forecast.data?.insufficientHistory === false ? forecast.data : undefined;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Stack gap={4}>
          <Title order={3} size="h4" id={titleId}>
            How many items by this date?
          </Title>
          <MetricDefinition name="forecastHowMany" />
        </Stack>
        <DayInput
          label="Finished by"
          w={200}
          value={date}
          min={addDays(today, 1)}
          onChange={(event) => setDate(event.currentTarget.value)}
          error={'error' in typedCheck ? typedCheck.error : undefined}
        />
        {'error' in asked ? null : forecast.isPending ? (
          <LoadingRows label="Running the forecast" rows={1} height={76} />
        ) : forecast.isError ? (
          <ErrorAlert
            title="The forecast could not be run"
            error={forecast.error}
            onRetry={() => void forecast.refetch()}
          />
        ) : forecast.data.insufficientHistory ? (
          <InsufficientHistoryNotice answer={forecast.data} />
        ) : result ? (
          <>
            <SimpleGrid cols={3} spacing="sm" data-testid="forecast-how-many-counts">
              {(['p50', 'p85', 'p95'] as const).map((label) => (
                <PercentileFigure
                  key={label}
                  label={label}
                  value={`${result[label]} items`}
                  note="or more"
                />
              ))}
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              In the {result.days} days to {formatDay(debouncedDate)}, from{' '}
              {result.trials.toLocaleString()} trials.
            </Text>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
