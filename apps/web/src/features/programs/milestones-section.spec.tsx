import { afterEach, describe, expect, it, jest } from '@jest/globals';
import type { Milestone, MilestonePage } from '@bearing/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeResponse, type FetchMock, mockFetch, sentBody } from '../../test-utils/fake-fetch';
import { pinClock } from '../../test-utils/pinned-clock';
import { renderWithProviders } from '../../test-utils/render';
import { MilestonesSection } from './milestones-section';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
  jest.useRealTimers();
  jest.restoreAllMocks();
});
const LOADED = { timeout: 15_000 };

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

const PARTNER_API = MILESTONES[1]!;
const SCHEMA_FREEZE = MILESTONES[0]!;
const MILESTONE_PATH = (id: string) => `/api/workspaces/demo/programs/${PROGRAM}/milestones/${id}`;

function renderForEditor(): FetchMock {
  const page: MilestonePage = { items: MILESTONES, nextCursor: null };
  const fetchMock = mockFetch({
    [`/api/workspaces/demo/programs/${PROGRAM}/milestones`]: () => fakeResponse(200, page),
    [`PATCH ${MILESTONE_PATH(PARTNER_API.id)}`]: () => fakeResponse(200, PARTNER_API),
    [`PATCH ${MILESTONE_PATH(SCHEMA_FREEZE.id)}`]: () => fakeResponse(200, SCHEMA_FREEZE),
    [`DELETE ${MILESTONE_PATH(PARTNER_API.id)}`]: () => fakeResponse(204, null),
  });
  renderWithProviders(<MilestonesSection workspace="demo" programId={PROGRAM} editor />);
  return fetchMock;
}

/** The browser's time zone, as the app reads it. */
function inTimeZone(timeZone: string) {
  const real = new Intl.DateTimeFormat().resolvedOptions();
  jest
    .spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions')
    .mockReturnValue({ ...real, timeZone });
}

function typeDay(input: HTMLElement, day: string) {
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: day } });
  fireEvent.blur(input);
}

describe('MilestonesSection for an editor', () => {
  it('asks the completion day, today on the user’s own calendar unless changed, and sends the day picked', async () => {
    // Sunday Dec 6, 17:00 in California: already Monday in UTC.
    inTimeZone('America/Los_Angeles');
    pinClock('2026-12-07T01:00:00Z');
    const fetchMock = renderForEditor();
    const item = await listItem('Partner API');
    fireEvent.click(within(item).getByRole('button', { name: 'Mark complete: Partner API' }));

    const day = await screen.findByLabelText<HTMLInputElement>(/Completed on/, {}, LOADED);
    expect(day.value).toBe('Dec 6, 2026');
    typeDay(day, '2026-12-04');
    await waitFor(() => expect(day.value).toBe('Dec 4, 2026'));
    fireEvent.click(screen.getByRole('button', { name: 'Mark complete' }));
    await waitFor(() => expect(sentBody(fetchMock, 'PATCH')).toBeDefined(), LOADED);
    expect(sentBody(fetchMock, 'PATCH')).toEqual({ completedAt: '2026-12-04', version: 1 });
  });

  it('renames a milestone, and corrects the day a completed one was completed', async () => {
    const fetchMock = renderForEditor();
    const item = await listItem('Schema freeze');
    fireEvent.click(within(item).getByRole('button', { name: 'Edit: Schema freeze' }));
    const name = await screen.findByLabelText<HTMLInputElement>(/Name/, {}, LOADED);
    fireEvent.change(name, { target: { value: 'Schema freeze (v2)' } });
    typeDay(screen.getByLabelText(/Completed on/), '2026-08-09');
    fireEvent.click(screen.getByRole('button', { name: 'Save milestone' }));
    await waitFor(() => expect(sentBody(fetchMock, 'PATCH')).toBeDefined(), LOADED);
    expect(sentBody(fetchMock, 'PATCH')).toEqual({
      name: 'Schema freeze (v2)',
      completedAt: '2026-08-09',
      version: 1,
    });
  });

  it('deletes a milestone added by mistake, after saying what goes with it', async () => {
    const fetchMock = renderForEditor();
    const item = await listItem('Partner API');
    fireEvent.click(within(item).getByRole('button', { name: 'Delete: Partner API' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete Partner API?' }, LOADED);
    expect(within(dialog).getByText(/history of moves goes with it/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete milestone' }));
    await waitFor(
      () =>
        expect(
          fetchMock.mock.calls.some(
            ([url, init]) => init?.method === 'DELETE' && url === MILESTONE_PATH(PARTNER_API.id),
          ),
        ).toBe(true),
      LOADED,
    );
  });
});
