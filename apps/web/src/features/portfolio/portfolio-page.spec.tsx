import { afterEach, describe, expect, it } from '@jest/globals';
import type { Portfolio } from '@bearing/contracts';
import { screen, within } from '@testing-library/react';
import { fakeResponse, mockFetch } from '../../test-utils/fake-fetch';
import { guardrail, NO_TREND, trend } from '../../test-utils/okr-fixtures';
import { renderApp } from '../../test-utils/render-app';
import { shellRoutes, signedInAs } from '../../test-utils/session-fixtures';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const ADS = '00000000-0000-4000-8000-000000000901';
const REPORT = '00000000-0000-4000-8000-000000000902';

const PORTFOLIO: Portfolio = {
  asOf: '2026-11-26',
  programs: [
    {
      id: ADS,
      name: 'Podcast ads expansion',
      // Reported on track while its own snapshot held an off-track key result.
      health: 'on-track',
      healthReason: 'Fill rate should catch up once the new markets open.',
      watermelon: true,
      healthSuggestion: null,
      trend: [{ reportId: REPORT, week: '2026-11-16', health: 'on-track', watermelon: true }],
      objectives: [
        {
          id: '00000000-0000-4000-8000-000000000903',
          title: 'Grow podcast ad revenue',
          status: 'active',
          progress: 0.42,
          score: 0.4,
          pace: 'off-track',
        },
      ],
      slippingMilestones: [
        {
          id: '00000000-0000-4000-8000-000000000904',
          name: 'Ad server GA',
          baselineDate: '2026-11-02',
          currentDate: '2026-11-23',
          slipDays: 21,
        },
      ],
      openRiskCount: 2,
      overdueDependencyCount: 1,
    },
  ],
  topRisks: [
    {
      id: '00000000-0000-4000-8000-000000000905',
      programId: ADS,
      programName: 'Podcast ads expansion',
      kind: 'risk',
      title: 'Advertiser demand softens in Q1',
      probability: 4,
      impact: 5,
      score: 20,
      status: 'open',
      dueDate: null,
    },
  ],
  guardrails: [guardrail()],
  kpis: [
    {
      key: 'playback.start_latency_p95',
      name: 'Playback start latency p95',
      unit: 'ms',
      direction: 'decrease-is-good',
      latest: { timestamp: '2026-11-26T00:00:00.000Z', value: 262 },
      trend: trend(),
    },
    {
      key: 'podcast.ad_revenue',
      name: 'Podcast ad revenue',
      unit: 'k€',
      direction: 'increase-is-good',
      latest: { timestamp: '2026-11-26T00:00:00.000Z', value: 54 },
      trend: {
        sparkline: [52, 55, 53, 54],
        sparklineSignals: [],
        status: {
          state: 'routine',
          signal: null,
          limits: {
            mean: 53.5,
            upperLimit: 60,
            lowerLimit: 47,
            window: {
              from: '2026-10-13T00:00:00.000Z',
              to: '2026-11-01T00:00:00.000Z',
              count: 20,
              provisional: false,
            },
          },
          shift: {
            direction: 'up',
            startedAt: '2026-10-13T00:00:00.000Z',
            detectedAt: '2026-10-20T00:00:00.000Z',
          },
        },
      },
    },
    {
      key: 'ads.fill_rate',
      name: 'Ad fill rate',
      unit: '%',
      direction: 'increase-is-good',
      latest: null,
      trend: NO_TREND,
    },
  ],
};

function routes(portfolio: Portfolio) {
  return mockFetch({
    ...shellRoutes(signedInAs('viewer')),
    '/api/workspaces/demo/portfolio': () => fakeResponse(200, portfolio),
  });
}

describe('PortfolioPage', () => {
  it('shows each program’s health, trend, objectives and what slips, linking to details', async () => {
    routes(PORTFOLIO);
    renderApp('/w/demo/portfolio');

    const card = await screen.findByRole('article', { name: 'Podcast ads expansion' });
    const inCard = within(card);
    expect(inCard.getByRole('link', { name: 'Podcast ads expansion' }).getAttribute('href')).toBe(
      `/w/demo/programs/${ADS}`,
    );
    expect(inCard.getByText('On track')).toBeTruthy();
    expect(inCard.getByText('Watermelon')).toBeTruthy();
    expect(
      inCard
        .getByRole('link', { name: 'Week of Nov 16: On track (watermelon)' })
        .getAttribute('href'),
    ).toBe(`/w/demo/programs/${ADS}/reports/${REPORT}`);
    expect(inCard.getByText('Grow podcast ad revenue')).toBeTruthy();
    expect(inCard.getByText('Worst: Ad server GA, 3 weeks late')).toBeTruthy();
  });

  it('shows a program without a published report by its suggested health and reasons', async () => {
    const [reported] = PORTFOLIO.programs;
    if (!reported) throw new Error('the fixture has a program');
    const message = 'Key result "Podcast ad revenue" is off track: 5 of 100, 40 expected by now.';
    routes({
      ...PORTFOLIO,
      programs: [
        {
          ...reported,
          health: 'on-track',
          healthReason: null,
          watermelon: false,
          trend: [],
          healthSuggestion: {
            health: 'at-risk',
            asOf: '2026-11-26',
            reasons: [
              {
                code: 'key-result-off-track',
                severity: 'at-risk',
                section: 'keyResults',
                message,
                ref: null,
              },
            ],
          },
        },
      ],
    });
    renderApp('/w/demo/portfolio');

    const card = within(
      await screen.findByRole('article', { name: 'Podcast ads expansion' }, { timeout: 30_000 }),
    );
    expect(card.getByText('Suggested: At risk')).toBeTruthy();
    expect(card.getByText(message)).toBeTruthy();
    expect(card.queryByText('On track')).toBeNull();
  });

  it('shows KPI tiles with their signal, guardrails out of bounds, top risks and slips', async () => {
    routes(PORTFOLIO);
    renderApp('/w/demo/portfolio');

    const kpis = await screen.findByRole('region', { name: 'KPIs' });
    const latency = within(kpis).getByRole('article', { name: 'Playback start latency p95' });
    expect(within(latency).getByText('Signal: beyond the limits')).toBeTruthy();
    expect(
      within(latency).getByText('Provisional limits from the 4 values from Nov 23 to Nov 26'),
    ).toBeTruthy();
    const revenue = within(kpis).getByRole('article', { name: 'Podcast ad revenue' });
    expect(within(revenue).getByText('Routine variation')).toBeTruthy();
    expect(
      within(revenue).getByText('Limits from the 20 values from Oct 13 to Nov 1, after a shift up'),
    ).toBeTruthy();
    const fill = within(kpis).getByRole('article', { name: 'Ad fill rate' });
    expect(within(fill).getByText('no data yet')).toBeTruthy();
    expect(within(fill).getByText('Too few values')).toBeTruthy();

    const guardrails = screen.getByRole('table', { name: 'Guardrails out of bounds' });
    expect(within(guardrails).getByText('Breached')).toBeTruthy();
    const risks = screen.getByRole('table', { name: 'Top risks' });
    expect(within(risks).getByText('Advertiser demand softens in Q1')).toBeTruthy();
    expect(within(risks).getByText('20')).toBeTruthy();
    const slips = screen.getByRole('table', { name: 'Milestones slipping against baseline' });
    expect(within(slips).getByText('3 weeks late')).toBeTruthy();
  });

  it('says plainly when there is nothing yet', async () => {
    routes({ asOf: '2026-11-26', programs: [], topRisks: [], guardrails: [], kpis: [] });
    renderApp('/w/demo/portfolio');

    expect(await screen.findByText('No program yet')).toBeTruthy();
    expect(screen.getByText('Every guardrail is within its limit.')).toBeTruthy();
    expect(screen.getByText('No open risk or issue in any program.')).toBeTruthy();
  });
});
