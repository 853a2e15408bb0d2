import type { Team } from '@bearing/contracts';
import { Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useInViewport } from '@mantine/hooks';
import { useEffect, useId, useState } from 'react';
import type { SampleWindow } from '../../../api/delivery';
import { addDays } from '../../../components/format';
import { ForecastHowMany } from './forecast-how-many';
import { ForecastWhen } from './forecast-when';
import { todayIn } from './forecast-inputs';

const SAMPLE_WINDOWS = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '180', label: '180 days' },
  { value: '365', label: '1 year' },
] as const;

/**
 * Monte Carlo forecasts from the team's past daily throughput: when a number of items will
 * be done, and how many will be done by a date. The sample window is the history resampled.
 */
export function ForecastPanel({ workspace, team }: { workspace: string; team: Team }) {
  const titleId = useId();
  const [sampleDays, setSampleDays] = useState('90');
  // A forecast is 10,000 simulations on the server: run them once the panel is on screen,
  // not for every visit to the team's page.
  const { ref, inViewport } = useInViewport<HTMLElement>();
  const [wanted, setWanted] = useState(false);
  useEffect(() => {
    if (inViewport) setWanted(true);
  }, [inViewport]);
  const today = todayIn(team.timeZone);
  // The API's default window ends yesterday: today is not over yet.
  const sample: SampleWindow = {
    sampleFrom: addDays(today, -Number(sampleDays)),
    sampleTo: addDays(today, -1),
  };
  return (
    <Paper ref={ref} withBorder radius="md" p="md" component="section" aria-labelledby={titleId}>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={3} size="h4" id={titleId}>
            Forecasts
          </Title>
          <Text size="sm" c="dimmed">
            From the items the team finished each day in the sample window, replayed 10,000 times.
            Same question, same answer: the simulation is seeded.
          </Text>
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500} id={`${titleId}-sample`}>
            Throughput sample: the last
          </Text>
          <SegmentedControl
            aria-labelledby={`${titleId}-sample`}
            value={sampleDays}
            onChange={setSampleDays}
            data={SAMPLE_WINDOWS.map((window) => ({ ...window }))}
            w="fit-content"
          />
        </Stack>
        <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md">
          <ForecastWhen workspace={workspace} teamId={team.id} sample={sample} enabled={wanted} />
          <ForecastHowMany
            workspace={workspace}
            teamId={team.id}
            sample={sample}
            today={today}
            enabled={wanted}
          />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
