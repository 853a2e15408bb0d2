import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { CapacityResponse } from '@bearing/contracts';
import { screen } from '@testing-library/react';
import { CapacitySummary } from '../../features/teams/dashboard/capacity-summary';
import { renderWithProviders } from '../../test-utils/render';
import { CycleTimeScatter } from './cycle-time-scatter';
import type { ForecastBar } from './forecast-chart-data';
import { ForecastHistogram } from './forecast-histogram';
import { percentileLines } from './percentile-lines';
import { VelocityChart } from './velocity-chart';

// Recharts measures its container; jsdom lays nothing out, so give every element a size and a
// ResizeObserver that reports it, as a browser would.
const realResizeObserver = window.ResizeObserver;
beforeEach(() => {
  const size = { width: 800, height: 320 };
  // Restored by the shared setup's jest.restoreAllMocks().
  jest.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({
    ...size,
    top: 0,
    left: 0,
    right: size.width,
    bottom: size.height,
    x: 0,
    y: 0,
  } as DOMRect);
  window.ResizeObserver = class {
    constructor(private readonly callback: ResizeObserverCallback) {}
    observe(target: Element): void {
      this.callback([{ target, contentRect: size } as unknown as ResizeObserverEntry], this);
    }
    unobserve(): void {}
    disconnect(): void {}
  };
});
afterEach(() => {
  window.ResizeObserver = realResizeObserver;
});

/** What the chart shows in words: its SVG text and the legend, without Mantine's styles. */
const text = (container: HTMLElement) =>
  [...container.querySelectorAll('svg text, li, p, td')].map((node) => node.textContent).join(' ');

describe('delivery chart labels', () => {
  it('velocity: the average to one decimal, say/do as whole percentages under the sprint names', async () => {
    const { container } = renderWithProviders(
      <VelocityChart
        data={{
          unit: 'points',
          average: 35.166_666,
          rows: [
            { sprintId: 'a', name: 'Sprint 1', committed: 40, completed: 33.5, sayDoRatio: 0.8412 },
            { sprintId: 'b', name: 'Sprint 2', committed: 38, completed: 37, sayDoRatio: 0.9 },
          ],
        }}
      />,
    );
    expect(await screen.findByText('say/do 84%')).toBeTruthy();
    expect(screen.getByText('say/do 90%')).toBeTruthy();
    expect(screen.getByText('Average completed 35.2')).toBeTruthy();
    // The say/do ratios are written on the axis, below the plot, not on the bars.
    expect(screen.getByText('say/do 84%').closest('.recharts-xAxis-tick-labels')).not.toBeNull();
    expect(text(container)).not.toMatch(/35\.17/);
    const yTicks = [...container.querySelectorAll('.recharts-yAxis-tick-labels text')];
    expect(yTicks.map((tick) => tick.textContent)).toEqual(['0', '10', '20', '30', '40']);
  });

  it('capacity: the recommended range and rate to one decimal', () => {
    const capacity: CapacityResponse = {
      sprintId: '00000000-0000-4000-8000-000000000001',
      start: '2026-11-30',
      end: '2026-12-11',
      workingDays: 10,
      availablePersonDays: 13.333_333,
      pointsPerPersonDay: 3.412_5,
      forecast: { low: 30.6, expected: 45.504_9, high: 59.58 },
      members: [],
      history: [
        {
          sprintId: '00000000-0000-4000-8000-000000000002',
          name: 'Sprint 9',
          completed: 41.25,
          availablePersonDays: 12.5,
        },
      ],
    };
    const { container } = renderWithProviders(<CapacitySummary capacity={capacity} />);
    expect(screen.getByText('30.6 – 59.6 points')).toBeTruthy();
    expect(screen.getByText('expected 45.5 points')).toBeTruthy();
    expect(screen.getByTestId('available-person-days').textContent).toBe('13.3');
    expect(text(container)).toContain('41.3');
    expect(text(container)).not.toMatch(/\d\.\d\d/);
  });

  it('forecast: whole-percent ticks, percentiles named in the legend, not over the bars', async () => {
    const shares = [0.01, 0.025, 0.063, 0.05, 0.04, 0.02];
    const bars: ForecastBar[] = shares.map((probability, index) => ({
      days: 10 + index,
      day: `2026-12-${String(11 + index).padStart(2, '0')}`,
      probability,
      marks: index === 2 ? ['p50'] : index === 4 ? ['p85', 'p95'] : [],
    }));
    const { container } = renderWithProviders(<ForecastHistogram bars={bars} remaining={30} />);
    await screen.findByText('p85: Dec 15, 2026 (14 days)');
    expect(screen.getByText('p50: Dec 13, 2026 (12 days)')).toBeTruthy();
    expect(screen.getByText('p95: Dec 15, 2026 (14 days)')).toBeTruthy();
    const yTicks = [...container.querySelectorAll('.recharts-yAxis-tick-labels text')];
    expect(yTicks.map((tick) => tick.textContent)).toEqual(['0%', '2%', '4%', '6%', '8%']);
    // No label is drawn inside the plot: nothing can sit on a bar.
    expect(container.querySelectorAll('.recharts-label-list, .recharts-label')).toHaveLength(0);
  });

  it('cycle time: percentile values in whole days in the legend, no labels beside the lines', async () => {
    const { container } = renderWithProviders(
      <CycleTimeScatter
        points={[
          {
            key: 'A-1',
            doneDay: '2026-11-02',
            time: Date.parse('2026-11-02'),
            cycleTime: 4,
          },
        ]}
        lines={percentileLines({ p50: 4, p85: 7.2, p95: 8 })}
        from="2026-11-01"
        to="2026-11-30"
      />,
    );
    expect(await screen.findByText('p85: 8 days')).toBeTruthy();
    expect(screen.getByText('p95: 8 days')).toBeTruthy();
    expect(container.querySelectorAll('.recharts-reference-line .recharts-label')).toHaveLength(0);
  });
});
