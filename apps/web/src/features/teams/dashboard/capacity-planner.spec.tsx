import type { CapacityResponse, SprintAvailability } from '@bearing/contracts';
import { afterEach, describe, expect, it } from '@jest/globals';
import { QueryClient } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { AppProviders } from '../../../app/providers';
import {
  fakeResponse,
  type FakeRoute,
  type FetchMock,
  mockFetch,
  problemResponse,
  sentBody,
} from '../../../test-utils/fake-fetch';
import { paymentsTeam } from '../../../test-utils/team-fixtures';
import { SPRINT_TEAM_ID, sprintOf } from '../sprints/sprint-fixtures';
import { CapacityPlanner } from './capacity-planner';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const TEAM = paymentsTeam({ id: SPRINT_TEAM_ID });
// Mon 16 … Fri 27 November 2026: the sprint to plan.
const SPRINT = sprintOf(50, {
  start: '2026-11-16T08:00:00.000Z',
  end: '2026-11-27T16:00:00.000Z',
  state: 'future',
});
const ANA = '00000000-0000-4000-8000-0000000000a1';
const BEN = '00000000-0000-4000-8000-0000000000b2';
const AVAILABILITY_PATH = `/api/workspaces/demo/teams/${TEAM.id}/sprints/${SPRINT.id}/availability`;
const CAPACITY_PATH = `/api/workspaces/demo/teams/${TEAM.id}/capacity`;

function availability(version: number, benDaysOff: string[] = []): SprintAvailability {
  return {
    sprintId: SPRINT.id,
    version,
    members: [
      { memberId: ANA, displayName: 'Ana', defaultAllocation: 1, allocation: null, daysOff: [] },
      {
        memberId: BEN,
        displayName: 'Ben',
        defaultAllocation: 1,
        allocation: null,
        daysOff: benDaysOff,
      },
    ],
  };
}

const CAPACITY: CapacityResponse = {
  sprintId: SPRINT.id,
  start: '2026-11-16',
  end: '2026-11-27',
  workingDays: 10,
  availablePersonDays: 20,
  pointsPerPersonDay: null,
  forecast: null,
  members: [
    { memberId: ANA, displayName: 'Ana', allocation: 1, daysOff: [], availablePersonDays: 10 },
    { memberId: BEN, displayName: 'Ben', allocation: 1, daysOff: [], availablePersonDays: 10 },
  ],
  history: [],
};

interface Server {
  fetch: FetchMock;
  /** What `GET …/availability` answers now. */
  saved: SprintAvailability;
  queryClient: QueryClient;
}

function renderPlanner(put?: FakeRoute): Server {
  const queryClient = new QueryClient({
    // No retries, and no garbage-collection timers left running (mutations have one too).
    defaultOptions: {
      queries: { retry: false, gcTime: Infinity },
      mutations: { gcTime: Infinity },
    },
  });
  const server: Server = { fetch: mockFetch({}), saved: availability(3), queryClient };
  server.fetch = mockFetch({
    [`GET ${AVAILABILITY_PATH}`]: () => fakeResponse(200, server.saved),
    [`PUT ${AVAILABILITY_PATH}`]: put ?? (() => fakeResponse(200, server.saved)),
    [`GET ${CAPACITY_PATH}`]: () => fakeResponse(200, CAPACITY),
  });
  render(
    <AppProviders queryClient={queryClient} env="test">
      <MemoryRouter>
        <CapacityPlanner workspace="demo" team={TEAM} sprints={[SPRINT]} editor />
      </MemoryRouter>
    </AppProviders>,
  );
  return server;
}

async function daysOffOf(name: string): Promise<HTMLInputElement[]> {
  const group = await screen.findByRole(
    'group',
    { name: `Days off of ${name}` },
    { timeout: 15_000 },
  );
  return within(group).getAllByRole<HTMLInputElement>('checkbox');
}

function availabilityReads(fetch: FetchMock): number {
  return fetch.mock.calls.filter(
    ([input, init]) =>
      typeof input === 'string' &&
      input.startsWith(AVAILABILITY_PATH) &&
      (init?.method ?? 'GET') === 'GET',
  ).length;
}

describe('capacity planner', () => {
  it('keeps unsaved availability edits when the availability is fetched again unchanged (window focus)', async () => {
    const server = renderPlanner();
    const [monday] = await daysOffOf('Ana');
    fireEvent.click(monday!);
    await screen.findByText(/Unsaved changes/, {}, { timeout: 15_000 });

    const before = availabilityReads(server.fetch);
    await act(() => server.queryClient.refetchQueries());
    expect(availabilityReads(server.fetch)).toBeGreaterThan(before);

    expect((await daysOffOf('Ana'))[0]?.checked).toBe(true);
    expect(screen.getByText(/Unsaved changes/)).toBeTruthy();
    expect(screen.queryByText('Changed by someone else')).toBeNull();
  });

  it('keeps the draft and says so when someone else saved meanwhile, and reloads theirs on request', async () => {
    const server = renderPlanner();
    const [monday] = await daysOffOf('Ana');
    fireEvent.click(monday!);
    await screen.findByText(/Unsaved changes/, {}, { timeout: 15_000 });

    // Another lead saved Ben's Tuesday off: the next fetch (on focus) brings version 4.
    server.saved = availability(4, ['2026-11-17']);
    await act(() => server.queryClient.refetchQueries());

    await screen.findByText('Changed by someone else', {}, { timeout: 15_000 });
    expect((await daysOffOf('Ana'))[0]?.checked).toBe(true);
    expect(
      screen.getByRole<HTMLButtonElement>('button', { name: 'Save availability' }).disabled,
    ).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(async () => expect((await daysOffOf('Ben'))[1]?.checked).toBe(true), {
      timeout: 15_000,
    });
    expect((await daysOffOf('Ana'))[0]?.checked).toBe(false);
    expect(screen.getByText('Saved.')).toBeTruthy();
    expect(screen.queryByText('Changed by someone else')).toBeNull();
  });

  it('sends the version it was edited from, and shows a 409 as changed by someone else', async () => {
    const server = renderPlanner(() => {
      server.saved = availability(4, ['2026-11-17']);
      return problemResponse(409, 'Conflict', 'You edited version 3 …', { kind: 'stale-version' });
    });
    const [monday] = await daysOffOf('Ana');
    fireEvent.click(monday!);
    fireEvent.click(await screen.findByRole('button', { name: 'Save availability' }));

    await screen.findByText(/your changes were not saved/, {}, { timeout: 15_000 });
    expect(sentBody(server.fetch, 'PUT')).toEqual({
      version: 3,
      members: [
        { memberId: ANA, allocation: null, daysOff: ['2026-11-16'] },
        { memberId: BEN, allocation: null, daysOff: [] },
      ],
    });
    expect((await daysOffOf('Ana'))[0]?.checked).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(async () => expect((await daysOffOf('Ben'))[1]?.checked).toBe(true), {
      timeout: 15_000,
    });
    expect((await daysOffOf('Ana'))[0]?.checked).toBe(false);
    expect(screen.getByText('Saved.')).toBeTruthy();
  });
});
