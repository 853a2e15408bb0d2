import { afterEach, describe, expect, it, jest } from '@jest/globals';
import type { Program, ProgramDependency } from '@bearing/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeResponse, mockFetch, sentBody } from '../../test-utils/fake-fetch';
import { renderWithProviders } from '../../test-utils/render';
import { DependencyForm } from './dependency-form';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const PROGRAM = '00000000-0000-4000-8000-000000000d01';
const CATALOG = '00000000-0000-4000-8000-000000000d02';
const DELETED_TEAM = '00000000-0000-4000-8000-000000000d03';
const LIVE_TEAM = '00000000-0000-4000-8000-000000000d04';

function program(id: string, name: string): Program {
  return {
    id,
    name,
    description: '',
    ownerId: '00000000-0000-4000-8000-000000000d09',
    ownerName: 'Ada',
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
  };
}

/** Owed to the program by a team that has since been deleted: the API names it `null`. */
const DEPENDENCY: ProgramDependency = {
  id: '00000000-0000-4000-8000-000000000d05',
  programId: PROGRAM,
  from: { kind: 'program', id: PROGRAM, name: 'Podcast ads' },
  to: { kind: 'team', id: DELETED_TEAM, name: null },
  description: 'Ads SDK payouts',
  needBy: '2026-11-01',
  status: 'open',
  overdue: true,
  createdAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-01T09:00:00.000Z',
  version: 3,
};

describe('DependencyForm', () => {
  it('shows a deleted team as the party it is, and an edit sends only what changed', async () => {
    const fetchMock = mockFetch({
      '/api/workspaces/demo/programs': () =>
        fakeResponse(200, {
          items: [program(PROGRAM, 'Podcast ads'), program(CATALOG, 'Catalog rebuild')],
          nextCursor: null,
        }),
      '/api/workspaces/demo/teams': () =>
        fakeResponse(200, {
          items: [
            {
              id: LIVE_TEAM,
              name: 'Ads Platform',
              slug: 'ads',
              timeZone: 'UTC',
              calendar: { nonWorkingWeekdays: [0, 6], holidays: [] },
              workflow: {
                stages: [{ name: 'Done', statuses: ['Done'] }],
                committedStage: 'Done',
                doneStage: 'Done',
              },
              version: 1,
              createdAt: '2026-01-05T09:00:00.000Z',
              updatedAt: '2026-01-05T09:00:00.000Z',
            },
          ],
          nextCursor: null,
        }),
      [`PATCH /api/workspaces/demo/programs/${PROGRAM}/dependencies/${DEPENDENCY.id}`]: ({
        body,
      }) => fakeResponse(200, { ...DEPENDENCY, ...(body as object), version: 4 }),
    });
    const onSaved = jest.fn();
    renderWithProviders(
      <DependencyForm
        workspace="demo"
        programId={PROGRAM}
        dependency={DEPENDENCY}
        onSaved={onSaved}
        onCancel={() => undefined}
      />,
    );

    const to = await screen.findByLabelText('Delivered by (to)', {}, { timeout: 15_000 });
    await screen.findAllByRole('option', { name: 'Team: Ads Platform' }, { timeout: 15_000 });
    expect((to as HTMLSelectElement).value).toBe(`team:${DELETED_TEAM}`);
    expect((to as HTMLSelectElement).selectedOptions[0]?.textContent).toBe('Team: (deleted)');

    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'cancelled' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save dependency' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled(), { timeout: 15_000 });
    expect(sentBody(fetchMock, 'PATCH')).toEqual({
      description: 'Ads SDK payouts',
      needBy: '2026-11-01',
      status: 'cancelled',
      version: 3,
    });
  });
});
