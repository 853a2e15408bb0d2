import { describe, expect, it } from '@jest/globals';
import { act, screen } from '@testing-library/react';
import { renderWithProviders } from '../test-utils/render';
import { lazyChart } from './lazy-chart';

describe('lazyChart', () => {
  it('holds the chart’s place with a skeleton of its size until its code arrives', async () => {
    let arrive = () => {};
    const arrived = new Promise<void>((resolve) => {
      arrive = resolve;
    });
    let loads = 0;
    const Sparkline = lazyChart(
      async () => {
        loads += 1;
        await arrived;
        return ({ label }: { label: string; width: number }) => (
          <div role="img" aria-label={label} />
        );
      },
      ({ width }) => ({ width, height: 36 }),
    );
    // The download starts when the page's code runs, before any chart renders.
    expect(loads).toBe(1);

    renderWithProviders(<Sparkline label="4 values" width={120} />);
    const skeleton = screen.getByRole('progressbar', { name: 'Loading the chart' });
    // Mantine writes sizes in rem: 36 px and 120 px.
    expect(skeleton.getAttribute('style')).toContain('--skeleton-height: calc(2.25rem');
    expect(skeleton.getAttribute('style')).toContain('--skeleton-width: calc(7.5rem');
    await act(async () => {
      arrive();
      await arrived;
    });

    expect(await screen.findByRole('img', { name: '4 values' })).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(loads).toBe(1);
  });
});
