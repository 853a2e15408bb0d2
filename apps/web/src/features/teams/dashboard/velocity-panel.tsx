import { NumberInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useVelocity } from '../../../api/delivery';
import { velocityChartData } from '../../../charts/delivery/velocity-chart-data';
import { VelocityTable } from '../../../charts/delivery/velocity-table';
import { lazyChart } from '../../../charts/lazy-chart';
import { DeliveryChart } from './delivery-chart';

const VelocityChart = lazyChart(
  async () => (await import('../../../charts/delivery/velocity-chart')).VelocityChart,
);

const WINDOW_MAX = 26;

/** This team's velocity over the last few closed sprints — never beside another team's. */
export function VelocityPanel({ workspace, teamId }: { workspace: string; teamId: string }) {
  const [sprintCount, setSprintCount] = useState(6);
  const velocity = useVelocity(workspace, teamId, sprintCount);
  const data = useMemo(
    () => (velocity.data ? velocityChartData(velocity.data) : null),
    [velocity.data],
  );
  return (
    <DeliveryChart
      title="Velocity"
      definition="velocity"
      query={velocity}
      content={
        data && data.rows.length > 0
          ? { chart: <VelocityChart data={data} />, table: <VelocityTable data={data} /> }
          : null
      }
      empty={{
        title: 'No closed sprint yet',
        description: 'Velocity appears once the team has closed its first sprint.',
      }}
    >
      <NumberInput
        label="Closed sprints to show"
        size="xs"
        w={180}
        min={1}
        max={WINDOW_MAX}
        clampBehavior="strict"
        allowDecimal={false}
        value={sprintCount}
        onChange={(value) => {
          if (typeof value === 'number' && value >= 1 && value <= WINDOW_MAX) setSprintCount(value);
        }}
      />
    </DeliveryChart>
  );
}
