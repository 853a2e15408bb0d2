import { afterEach, describe, expect, it } from '@jest/globals';
import type { StatusReport } from '@bearing/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { fakeResponse, mockFetch, problemResponse, sentBody } from '../../../test-utils/fake-fetch';
import { renderWithProviders } from '../../../test-utils/render';
import { ReportDraftForm } from './report-draft-form';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const LOADED = { timeout: 15_000 };

const UNAVAILABLE = { status: 'unavailable', reason: 'Not in this test' } as const;

const DRAFT: StatusReport = {
  id: '00000000-0000-4000-8000-000000000d01',
  programId: '00000000-0000-4000-8000-000000000d02',
  week: '2026-11-23',
  weekEnd: '2026-11-29',
  state: 'draft',
  health: 'on-track',
  healthReason: null,
  suggestedHealth: 'on-track',
  healthOverridden: false,
  watermelon: false,
  generatedAt: '2026-11-24T09:00:00.000Z',
  publishedAt: null,
  publishedBy: null,
  createdAt: '2026-11-24T09:00:00.000Z',
  updatedAt: '2026-11-24T09:00:00.000Z',
  version: 1,
  summary: 'On plan.',
  highlights: ['Beta shipped'],
  lowlights: [],
  asks: [],
  snapshot: {
    schemaVersion: 1,
    generatedAt: '2026-11-24T09:00:00.000Z',
    asOf: '2026-11-24',
    week: { start: '2026-11-23', end: '2026-11-29' },
    program: {
      id: '00000000-0000-4000-8000-000000000d02',
      name: 'Checkout rebuild',
      start: '2026-09-01',
      end: null,
    },
    comparedTo: null,
    suggestedHealth: 'on-track',
    healthReasons: [],
    sections: {
      keyResults: UNAVAILABLE,
      guardrails: UNAVAILABLE,
      milestones: UNAVAILABLE,
      raid: UNAVAILABLE,
      dependencies: UNAVAILABLE,
      checkIns: UNAVAILABLE,
      sayDo: UNAVAILABLE,
    },
  },
};

/** Saved by someone else meanwhile: two asks added. */
const THEIRS = { ...DRAFT, asks: ['Legal review by Friday', 'One more designer'], version: 2 };
/** Regenerated meanwhile: fresh numbers, the same words. */
const REGENERATED = { ...DRAFT, version: 2 };

const PATCH = `PATCH /api/workspaces/demo/programs/${DRAFT.programId}/reports/${DRAFT.id}`;

/** The report page: the form gets the draft as last fetched, and a refetch may replace it. */
function Page({ refetched }: { refetched: StatusReport }) {
  const [report, setReport] = useState(DRAFT);
  const [dirty, setDirty] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setReport(refetched)}>
        Refetch
      </button>
      <span>{dirty ? 'dirty' : 'clean'}</span>
      <ReportDraftForm
        workspace="demo"
        report={report}
        onDirtyChange={setDirty}
        onReload={() => undefined}
      />
    </>
  );
}

describe('ReportDraftForm', () => {
  it('saves with the version its words were filled from, so a draft saved meanwhile is refused, not overwritten', async () => {
    const fetchMock = mockFetch({
      [PATCH]: () =>
        problemResponse(409, 'Conflict', 'The report was changed meanwhile.', {
          kind: 'stale-version',
        }),
    });
    renderWithProviders(<Page refetched={THEIRS} />);
    const summary = await screen.findByLabelText('Summary', {}, LOADED);
    fireEvent.change(summary, { target: { value: 'On plan; the beta is out.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Refetch' }));

    // Said before saving, too: the form's words are not the saved draft's any more.
    expect(await screen.findByText('The draft was saved meanwhile', {}, LOADED)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(
      await screen.findByText('Not saved: the report changed meanwhile', {}, LOADED),
    ).toBeTruthy();
    expect(sentBody(fetchMock, 'PATCH')).toMatchObject({
      summary: 'On plan; the beta is out.',
      asks: [],
      version: 1,
    });
    expect(screen.getByRole('button', { name: /Load the latest version/ })).toBeTruthy();
  });

  it('shows a draft saved meanwhile when nothing was typed, and saves on its version', async () => {
    const fetchMock = mockFetch({
      [PATCH]: ({ body }) => fakeResponse(200, { ...THEIRS, ...(body as object), version: 3 }),
    });
    renderWithProviders(<Page refetched={THEIRS} />);
    await screen.findByLabelText('Asks', {}, LOADED);
    fireEvent.click(screen.getByRole('button', { name: 'Refetch' }));
    await waitFor(
      () =>
        expect(screen.getByLabelText<HTMLTextAreaElement>('Asks').value).toBe(
          'Legal review by Friday\nOne more designer',
        ),
      LOADED,
    );
    fireEvent.change(screen.getByLabelText('Summary'), { target: { value: 'Still on plan.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(sentBody(fetchMock, 'PATCH')).toBeDefined(), LOADED);
    expect(sentBody(fetchMock, 'PATCH')).toMatchObject({
      summary: 'Still on plan.',
      asks: ['Legal review by Friday', 'One more designer'],
      version: 2,
    });
    expect(await screen.findByText('clean', {}, LOADED)).toBeTruthy();
  });

  it('keeps typed words over fresh numbers with the same words, and saves on the new version', async () => {
    const fetchMock = mockFetch({
      [PATCH]: ({ body }) => fakeResponse(200, { ...DRAFT, ...(body as object), version: 3 }),
    });
    renderWithProviders(<Page refetched={REGENERATED} />);
    const summary = await screen.findByLabelText('Summary', {}, LOADED);
    fireEvent.change(summary, { target: { value: 'On plan; the beta is out.' } });
    expect(await screen.findByText('dirty', {}, LOADED)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Refetch' }));
    expect(screen.getByLabelText<HTMLTextAreaElement>('Summary').value).toBe(
      'On plan; the beta is out.',
    );
    expect(screen.queryByText('The draft was saved meanwhile')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(sentBody(fetchMock, 'PATCH')).toBeDefined(), LOADED);
    expect(sentBody(fetchMock, 'PATCH')).toMatchObject({ version: 2 });
    expect(await screen.findByText('clean', {}, LOADED)).toBeTruthy();
  });
});
