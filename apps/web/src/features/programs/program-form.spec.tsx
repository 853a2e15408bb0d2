import { afterEach, describe, expect, it, jest } from '@jest/globals';
import type { Member, Program } from '@bearing/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { fakeResponse, mockFetch, problemResponse, sentBody } from '../../test-utils/fake-fetch';
import { renderWithProviders } from '../../test-utils/render';
import { ProgramForm } from './program-form';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const LOADED = { timeout: 15_000 };

const PROGRAM: Program = {
  id: '00000000-0000-4000-8000-000000000c01',
  name: 'Checkout rebuild',
  description: 'The old checkout, rebuilt.',
  ownerId: '00000000-0000-4000-8000-000000000c02',
  ownerName: 'Ana Lead',
  start: '2026-09-01',
  end: null,
  teamIds: [],
  objectiveIds: [],
  guardrailIds: [],
  health: 'on-track',
  healthReason: null,
  watermelon: false,
  healthSuggestion: null,
  createdAt: '2026-09-01T09:00:00.000Z',
  updatedAt: '2026-09-01T09:00:00.000Z',
  version: 4,
};

/** The same program after someone published its weekly report: off track, one version on. */
const AFTER_REPORT: Program = {
  ...PROGRAM,
  health: 'off-track',
  healthReason: 'Payments API two weeks late',
  version: 5,
};

const PATCH = `PATCH /api/workspaces/demo/programs/${PROGRAM.id}`;

/** The program page's dialog: the form gets the program as last fetched, which may change. */
function EditDialog({ onSaved }: { onSaved: (program: Program) => void }) {
  const [program, setProgram] = useState(PROGRAM);
  return (
    <>
      <button type="button" onClick={() => setProgram(AFTER_REPORT)}>
        Refetch
      </button>
      <ProgramForm
        workspace="demo"
        defaultOwnerId={PROGRAM.ownerId}
        program={program}
        onSaved={onSaved}
        onCancel={() => undefined}
      />
    </>
  );
}

describe('ProgramForm (edit)', () => {
  it('sends only what was changed, with the version the form was opened with, after a refetch', async () => {
    const fetchMock = mockFetch({
      [PATCH]: () => fakeResponse(200, { ...AFTER_REPORT, version: 6 }),
    });
    const onSaved = jest.fn<(program: Program) => void>();
    renderWithProviders(<EditDialog onSaved={onSaved} />);
    const description = await screen.findByLabelText('Description', {}, LOADED);
    fireEvent.click(screen.getByRole('button', { name: 'Refetch' }));
    fireEvent.change(description, { target: { value: 'The old checkout, rebuilt for mobile.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save program' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalled(), LOADED);
    expect(sentBody(fetchMock, 'PATCH')).toEqual({
      description: 'The old checkout, rebuilt for mobile.',
      version: 4,
    });
  });

  it('sends a changed health with the reason shown, and nothing at all when nothing changed', async () => {
    const fetchMock = mockFetch({ [PATCH]: () => fakeResponse(200, PROGRAM) });
    const onSaved = jest.fn<(program: Program) => void>();
    renderWithProviders(<EditDialog onSaved={onSaved} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save program' }, LOADED));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(PROGRAM), LOADED);
    expect(sentBody(fetchMock, 'PATCH')).toBeUndefined();

    fireEvent.change(screen.getByLabelText('Health'), { target: { value: 'at-risk' } });
    fireEvent.change(screen.getByLabelText(/Health reason/), {
      target: { value: 'Vendor SDK late' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save program' }));
    await waitFor(() => expect(sentBody(fetchMock, 'PATCH')).toBeDefined(), LOADED);
    expect(sentBody(fetchMock, 'PATCH')).toEqual({
      health: 'at-risk',
      healthReason: 'Vendor SDK late',
      version: 4,
    });
  });

  it('says the program changed meanwhile when the save is refused with 409', async () => {
    mockFetch({
      [PATCH]: () =>
        problemResponse(409, 'Conflict', 'The program was changed meanwhile.', {
          kind: 'stale-version',
        }),
    });
    renderWithProviders(<EditDialog onSaved={() => undefined} />);
    const name = await screen.findByLabelText(/Name/, {}, LOADED);
    fireEvent.change(name, { target: { value: 'Checkout 2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save program' }));
    expect(
      await screen.findByText('Not saved: the program changed meanwhile', {}, LOADED),
    ).toBeTruthy();
  });
});

describe('ProgramForm (owner)', () => {
  const member = (n: number, fields: Partial<Member>): Member => ({
    userId: `00000000-0000-4000-8000-00000000${String(n).padStart(4, '0')}`,
    email: `member${n}@example.com`,
    displayName: `Member ${n}`,
    role: 'editor',
    version: 1,
    joinedAt: '2026-01-05T09:00:00.000Z',
    active: true,
    ...fields,
  });
  const ACTIVE_EDITOR = member(1, { displayName: 'Cleo Editor' });
  const ACTIVE_ADMIN = member(2, { displayName: 'Dan Admin', role: 'admin' });
  const DEACTIVATED = member(3, { displayName: 'Eve Gone', active: false });
  const VIEWER = member(4, { displayName: 'Finn Viewer', role: 'viewer' });
  const membersRoute = (items: Member[]) => ({
    '/api/workspaces/demo/members': () => fakeResponse(200, { items, nextCursor: null }),
  });
  const ownerNames = async () => {
    const owner = await screen.findByRole<HTMLSelectElement>('combobox', { name: 'Owner' }, LOADED);
    await waitFor(() => expect(owner.disabled).toBe(false), LOADED);
    return {
      owner,
      names: within(owner)
        .getAllByRole('option')
        .map((option) => option.textContent),
    };
  };

  it('offers only the active editors and admins of the workspace', async () => {
    mockFetch(membersRoute([ACTIVE_EDITOR, ACTIVE_ADMIN, DEACTIVATED, VIEWER]));
    renderWithProviders(
      <ProgramForm
        workspace="demo"
        defaultOwnerId={ACTIVE_EDITOR.userId}
        onSaved={() => undefined}
        onCancel={() => undefined}
      />,
    );
    const { owner, names } = await ownerNames();
    expect(names).toEqual(['Cleo Editor', 'Dan Admin']);
    expect(owner.value).toBe(ACTIVE_EDITOR.userId);
  });

  it.each([
    ['no longer a member', [ACTIVE_EDITOR], 'Ana Lead (no longer a member)'],
    [
      'a deactivated account',
      [ACTIVE_EDITOR, { ...DEACTIVATED, userId: PROGRAM.ownerId, displayName: 'Ana Lead' }],
      'Ana Lead (account deactivated)',
    ],
  ])('names an owner who is %s as such, and keeps them selected', async (_, items, label) => {
    mockFetch(membersRoute(items));
    renderWithProviders(<EditDialog onSaved={() => undefined} />);
    const { owner, names } = await ownerNames();
    expect(names).toEqual([label, 'Cleo Editor']);
    expect(owner.value).toBe(PROGRAM.ownerId);
    expect(within(owner).getByRole<HTMLOptionElement>('option', { name: label }).selected).toBe(
      true,
    );
  });
});
