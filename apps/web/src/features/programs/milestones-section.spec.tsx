import { afterEach, describe, expect, it } from '@jest/globals';
import type { Milestone, MilestonePage } from '@bearing/contracts';
import { screen, within } from '@testing-library/react';
import { fakeResponse, mockFetch } from '../../test-utils/fake-fetch';
import { renderWithProviders } from '../../test-utils/render';
import { MilestonesSection } from './milestones-section';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const PROGRAM = '00000000-0000-4000-8000-000000000b01';
const AUTHOR = { id: '00000000-0000-4000-8000-000000000b02', displayName: 'Ana Lead' };

function milestone(fields: Partial<Milestone> & Pick<Milestone, 'id' | 'name'>): Milestone {
  return {
    programId: PROGRAM,
    baselineDate: '2026-08-08',
    currentDate: '2026-08-08',
    completedAt: null,
    slipDays: 0,
    history: [],
    createdAt: '2026-07-01T09:00:00.000Z',
    updatedAt: '2026-07-01T09:00:00.000Z',
    version: 1,
    overdue: false,
    ...fields,
  };
}

const MILESTONES: Milestone[] = [
  // Completed two days after its baseline, its current date never moved.
  milestone({
    id: '00000000-0000-4000-8000-000000000b11',
    name: 'Schema freeze',
    completedAt: '2026-08-10',
    slipDays: 2,
  }),
  milestone({
    id: '00000000-0000-4000-8000-000000000b12',
    name: 'Partner API',
    baselineDate: '2026-09-07',
    currentDate: '2026-09-28',
    slipDays: 21,
    history: [
      {
        id: '00000000-0000-4000-8000-000000000b13',
        fromDate: '2026-09-07',
        toDate: '2026-09-28',
        reason: 'Vendor SDK late',
        author: AUTHOR,
        changedAt: '2026-08-20T09:00:00.000Z',
      },
    ],
  }),
];

/** The milestone's entry in the list under the chart (the chart names it too). */
async function listItem(name: string): Promise<HTMLElement> {
  const item = (await screen.findAllByText(name))
    .map((element) => element.closest('li'))
    .find((element) => element !== null);
  if (!item) throw new Error(`no list item for ${name}`);
  return item;
}

function renderSection() {
  const page: MilestonePage = { items: MILESTONES, nextCursor: null };
  mockFetch({
    [`/api/workspaces/demo/programs/${PROGRAM}/milestones`]: () => fakeResponse(200, page),
  });
  renderWithProviders(<MilestonesSection workspace="demo" programId={PROGRAM} editor={false} />);
}

describe('MilestonesSection', () => {
  it('says a completed milestone is late from its completion day, without a contradicting current date', async () => {
    renderSection();
    const item = await listItem('Schema freeze');
    expect(
      within(item).getByText('Completed Aug 10, 2026 · 2 days late · baseline Aug 8, 2026'),
    ).toBeTruthy();
    expect(item.textContent).not.toMatch(/current/i);
  });

  it('says an open milestone against the original plan, with its current date', async () => {
    renderSection();
    const item = await listItem('Partner API');
    expect(
      within(item).getByText(
        '3 weeks late against the original plan · baseline Sep 7, 2026 · current Sep 28, 2026',
      ),
    ).toBeTruthy();
  });
});
