import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { Milestone } from '@bearing/contracts';
import { renderWithProviders } from '../../../test-utils/render';
import { MilestoneTimelineChart } from './milestone-timeline-chart';
import { milestoneTimelineRows } from './milestone-timeline-data';

// Recharts measures its container; jsdom lays nothing out, so give every element a size and a
// ResizeObserver that reports it, as a browser would. (Restored by the shared setup.)
beforeEach(() => {
  const size = { width: 1000, height: 300 };
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

const LONG_NAME = 'Regulatory sign-off of the new onboarding flow in all three launch markets';

function milestone(id: string, name: string, fields: Partial<Milestone>): Milestone {
  return {
    id,
    programId: '00000000-0000-4000-8000-000000000b01',
    name,
    baselineDate: '2026-08-08',
    currentDate: '2026-08-08',
    completedAt: null,
    slipDays: 0,
    overdue: false,
    history: [],
    createdAt: '2026-07-01T09:00:00.000Z',
    updatedAt: '2026-07-01T09:00:00.000Z',
    version: 1,
    ...fields,
  };
}

const ROWS = milestoneTimelineRows([
  milestone('00000000-0000-4000-8000-000000000b11', 'Schema freeze', {
    completedAt: '2026-08-10',
    slipDays: 2,
  }),
  milestone('00000000-0000-4000-8000-000000000b12', LONG_NAME, {
    baselineDate: '2026-10-05',
    currentDate: '2026-10-26',
    slipDays: 21,
  }),
]);

function render() {
  return renderWithProviders(
    <MilestoneTimelineChart rows={ROWS} today="2026-09-15" programEnd="2026-12-31" />,
  );
}

describe('MilestoneTimelineChart', () => {
  it('has a time axis in months, not ticks at the milestones’ dates', async () => {
    const { container, findAllByText } = render();
    await findAllByText('Schema freeze');
    // Recharts writes each word of a tick in its own <tspan>.
    const ticks = [...container.querySelectorAll('.recharts-xAxis-tick-labels text')].map((tick) =>
      [...tick.querySelectorAll('tspan')].map((word) => word.textContent).join(' '),
    );
    expect(ticks).toEqual(['Aug 2026', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan 2027']);
  });

  it('marks today and the program end, named in the top margin on opposite sides', async () => {
    const { container, findAllByText } = render();
    await findAllByText('Schema freeze');
    const today = container.querySelector('[data-line="Today"]');
    const end = container.querySelector('[data-line="Program end"]');
    expect(today?.textContent).toBe('Today');
    expect(end?.textContent).toBe('Program end');
    // Today comes first, so its name reads leftwards and the end's rightwards: never overlapping.
    expect(today?.getAttribute('text-anchor')).toBe('end');
    expect(end?.getAttribute('text-anchor')).toBe('start');
    expect(Number(today?.getAttribute('x'))).toBeLessThan(Number(end?.getAttribute('x')));
  });

  it('wraps a long name between words and gives it whole in the tooltip', async () => {
    const { container, findAllByText } = render();
    await findAllByText('Schema freeze');
    const label = container.querySelector(`[data-milestone="${LONG_NAME}"]`);
    expect(label?.querySelector('title')?.textContent).toBe(LONG_NAME);
    const lines = [...(label?.querySelectorAll('tspan') ?? [])].map((line) => line.textContent);
    expect(lines).toHaveLength(2);
    const words = LONG_NAME.split(' ');
    for (const word of lines.join(' ').replace(/ …$/, '').split(' ')) {
      expect(words).toContain(word);
    }
  });
});
