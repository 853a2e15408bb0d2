import { Code } from '@mantine/core';
import { useParams } from 'react-router';
import { EmptyStatePage } from '../../components/empty-state-page';

export function MetricPage() {
  const { id = '' } = useParams();
  return (
    <EmptyStatePage
      title="Metric"
      purpose={
        <>
          KPI <Code>{id}</Code>: its history with XmR limits, the signals detected in it, its
          definition and the guardrails that watch it.
        </>
      }
      audience="program leads and metric owners"
    />
  );
}
