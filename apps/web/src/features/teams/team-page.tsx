import { Code } from '@mantine/core';
import { useParams } from 'react-router';
import { EmptyStatePage } from '../../components/empty-state-page';

export function TeamPage() {
  const { id = '' } = useParams();
  return (
    <EmptyStatePage
      title="Team"
      purpose={
        <>
          Team <Code>{id}</Code>: sprint and flow charts, the capacity planner for the next sprint
          and forecasts of when work will be done.
        </>
      }
      audience="the team and its engineering manager"
    />
  );
}
