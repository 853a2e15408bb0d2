import { afterEach, describe, expect, it, jest } from '@jest/globals';
import type { Program } from '@bearing/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
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
