import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen } from '@testing-library/react';
import { PROGRAM_CHART_DEFINITIONS } from '../features/programs/charts/program-chart-definitions';
import { renderWithProviders } from '../test-utils/render';
import { ChartFrame } from './chart-frame';
import { METRIC_DEFINITIONS } from './metric-definitions';

describe('ChartFrame', () => {
  it('frames a @bearing/metrics chart: its formula, source and README section on request', () => {
    renderWithProviders(
      <ChartFrame
        title="Velocity"
        definition={METRIC_DEFINITIONS.velocity}
        chart={<p>the chart</p>}
        table={<p>the table</p>}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Velocity' })).toBeTruthy();
    expect(screen.getByText(METRIC_DEFINITIONS.velocity.summary, { exact: false })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'How is this computed?' }));
    expect(screen.getByText(METRIC_DEFINITIONS.velocity.detail)).toBeTruthy();
    expect(screen.getByText(/Source:/).textContent).toContain(
      METRIC_DEFINITIONS.velocity.readmeSection,
    );
  });

  it('frames a program chart, which names no formula, with its actions beside the switch', () => {
    const definition = PROGRAM_CHART_DEFINITIONS.milestoneTimeline;
    renderWithProviders(
      <ChartFrame
        title="Milestones"
        definition={definition}
        actions={<button type="button">Add milestone</button>}
        chart={<p>the chart</p>}
        table={<p>the table</p>}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'How is this drawn?' }));
    expect(screen.getByText(definition.detail)).toBeTruthy();
    expect(screen.queryByText(/Source:|packages\/metrics/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Add milestone' })).toBeTruthy();

    expect(screen.getByText('the chart')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Table' }));
    expect(screen.getByText('the table')).toBeTruthy();
    expect(screen.queryByText('the chart')).toBeNull();
  });
});
