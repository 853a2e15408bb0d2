import { afterEach, describe, expect, it } from '@jest/globals';
import type { StatusReportListItem } from '@bearing/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { fakeResponse, type FetchMock, mockFetch } from '../../test-utils/fake-fetch';
import { renderWithProviders } from '../../test-utils/render';
import { REPORT_HISTORY_PAGE_SIZE, ReportHistory } from './report-history';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const PROGRAM_ID = '00000000-0000-4000-8000-000000000d01';
const REPORTS_PATH = `/api/workspaces/demo/programs/${PROGRAM_ID}/reports`;

/** The published report of the Monday `weeksAgo` weeks before 2026-12-07. */
function report(weeksAgo: number): StatusReportListItem {
  const monday = new Date(Date.UTC(2026, 11, 7 - 7 * weeksAgo));
  const week = monday.toISOString().slice(0, 10);
  const sunday = new Date(monday.getTime() + 6 * 86_400_000).toISOString().slice(0, 10);
  return {
    id: `00000000-0000-4000-8000-${String(1000 + weeksAgo).padStart(12, '0')}`,
    programId: PROGRAM_ID,
    week,
    weekEnd: sunday,
    state: 'published',
    health: 'on-track',
    healthReason: null,
    suggestedHealth: 'on-track',
    healthOverridden: false,
    watermelon: false,
    generatedAt: `${week}T09:00:00.000Z`,
    publishedAt: `${week}T10:00:00.000Z`,
    publishedBy: { id: '00000000-0000-4000-8000-000000000d02', displayName: 'Ana Lima' },
    createdAt: `${week}T09:00:00.000Z`,
    updatedAt: `${week}T10:00:00.000Z`,
    version: 2,
  };
}

/** A program with `total` published reports, answered page by page as the API does. */
function serveHistory(total: number): FetchMock {
  const all = Array.from({ length: total }, (_, weeksAgo) => report(weeksAgo));
  return mockFetch({
    [REPORTS_PATH]: ({ url }) => {
      const query = new URL(url, 'http://localhost').searchParams;
      const limit = Number(query.get('limit') ?? 50);
      const start = Number(query.get('cursor') ?? 0);
      const items = all.slice(start, start + limit);
      const next = start + limit < all.length ? String(start + limit) : null;
      return fakeResponse(200, { items, nextCursor: next });
    },
  });
}

const rows = () =>
  within(screen.getByRole('table', { name: 'Published reports' })).getAllByRole('link');

describe('the report history', () => {
  it('shows the latest published reports and loads older ones only when asked', async () => {
    const fetchMock = serveHistory(150);
    renderWithProviders(<ReportHistory workspace="demo" programId={PROGRAM_ID} />);

    expect(
      await screen.findByRole('link', { name: 'Week of Dec 7, 2026' }, { timeout: 15_000 }),
    ).toBeTruthy();
    expect(rows()).toHaveLength(REPORT_HISTORY_PAGE_SIZE);
    const requested = () =>
      fetchMock.mock.calls
        .map(([input]) => (typeof input === 'string' ? input : ''))
        .filter((url) => url.startsWith(REPORTS_PATH));
    // One page, of published reports only: not three years of history at once.
    expect(requested()).toEqual([
      `${REPORTS_PATH}?state=published&limit=${REPORT_HISTORY_PAGE_SIZE}`,
    ]);
    expect(screen.getByText(`Showing the first ${REPORT_HISTORY_PAGE_SIZE} reports.`)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(
      await screen.findByText(
        `Showing the first ${2 * REPORT_HISTORY_PAGE_SIZE} reports.`,
        {},
        { timeout: 15_000 },
      ),
    ).toBeTruthy();
    expect(rows()).toHaveLength(2 * REPORT_HISTORY_PAGE_SIZE);
    expect(requested()).toHaveLength(2);
  });

  it('says so when nothing is published yet, without a "Load more"', async () => {
    serveHistory(0);
    renderWithProviders(<ReportHistory workspace="demo" programId={PROGRAM_ID} />);
    expect(
      await screen.findByText(/No report published yet/, {}, { timeout: 15_000 }),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });
});
