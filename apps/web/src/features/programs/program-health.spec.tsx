import { afterEach, describe, expect, it } from '@jest/globals';
import type { Program } from '@bearing/contracts';
import { screen, within } from '@testing-library/react';
import { emptyPage, shellRoutes, signedInAs, USER_ID } from '../../test-utils/session-fixtures';
import { fakeResponse, mockFetch } from '../../test-utils/fake-fetch';
import { renderWithProviders } from '../../test-utils/render';
import { renderApp } from '../../test-utils/render-app';
import { ProgramHeader } from './program-header';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const PROGRAM_ID = '00000000-0000-4000-8000-000000000c01';
const OFF_TRACK_MESSAGE =
  'Key result "Podcast ad revenue" is off track: 5 of 100, 40 expected by now.';

function program(fields: Partial<Program>): Program {
  return {
    id: PROGRAM_ID,
    name: 'Podcast ads expansion',
    description: '',
    ownerId: USER_ID,
    ownerName: 'Ana Lima',
    start: '2026-01-05',
    end: null,
    teamIds: [],
    objectiveIds: [],
    guardrailIds: [],
    health: 'on-track',
    healthReason: null,
    watermelon: false,
    healthSuggestion: null,
    createdAt: '2026-01-05T09:00:00.000Z',
    updatedAt: '2026-01-05T09:00:00.000Z',
    version: 1,
    ...fields,
  };
}

/** Reported on track while its own snapshot held an off-track key result. */
const WATERMELON = program({
  healthReason: 'The team expects to catch up next month.',
  watermelon: true,
});

/** Never reported on: the data suggests at risk. */
const NEVER_REPORTED = program({
  healthSuggestion: {
    health: 'at-risk',
    asOf: '2026-03-11',
    reasons: [
      {
        code: 'key-result-off-track',
        severity: 'at-risk',
        section: 'keyResults',
        message: OFF_TRACK_MESSAGE,
        ref: null,
      },
    ],
  },
});

function renderHeader(shown: Program) {
  mockFetch({
    [`/api/workspaces/demo/programs/${PROGRAM_ID}/health-timeline`]: () =>
      fakeResponse(200, { programId: PROGRAM_ID, points: [] }),
    '/api/workspaces/demo/teams': emptyPage,
  });
  renderWithProviders(<ProgramHeader workspace="demo" program={shown} />);
}

/** The program's row of the programs list. */
async function renderListRow(shown: Program): Promise<HTMLElement> {
  mockFetch({
    ...shellRoutes(signedInAs('viewer')),
    '/api/workspaces/demo/programs': () => fakeResponse(200, { items: [shown], nextCursor: null }),
  });
  renderApp('/w/demo/programs');
  const link = await screen.findByRole('link', { name: shown.name }, { timeout: 30_000 });
  const row = link.closest('tr');
  if (!row) throw new Error('the program is not in a table row');
  return row;
}

describe("a program's health", () => {
  it('keeps the watermelon flag beside "On track" in the program header', async () => {
    renderHeader(WATERMELON);
    expect(await screen.findByText('Watermelon', {}, { timeout: 30_000 })).toBeTruthy();
    expect(screen.getByText('On track')).toBeTruthy();
  });

  it('keeps the watermelon flag beside "On track" in the programs list', async () => {
    const row = within(await renderListRow(WATERMELON));
    expect(row.getByText('On track')).toBeTruthy();
    expect(row.getByText('Watermelon')).toBeTruthy();
  });

  it('shows the suggested health with its reasons in the header while no report is published', async () => {
    renderHeader(NEVER_REPORTED);
    expect(await screen.findByText('Suggested: At risk', {}, { timeout: 30_000 })).toBeTruthy();
    expect(screen.getByText(OFF_TRACK_MESSAGE)).toBeTruthy();
    expect(screen.queryByText('On track')).toBeNull();
    expect(screen.queryByText('No reason given.')).toBeNull();
  });

  it('shows the suggested health with its reasons in the programs list', async () => {
    const row = within(await renderListRow(NEVER_REPORTED));
    expect(row.getByText('Suggested: At risk')).toBeTruthy();
    expect(row.getByText(OFF_TRACK_MESSAGE)).toBeTruthy();
    expect(row.queryByText('On track')).toBeNull();
  });
});
