import { afterEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeResponse, mockFetch } from '../../test-utils/fake-fetch';
import {
  keyResult,
  MEMBERS,
  objective,
  page,
  period,
  validationProblem,
} from '../../test-utils/okr-fixtures';
import { renderApp } from '../../test-utils/render-app';
import { emptyPage, shellRoutes, signedInAs } from '../../test-utils/session-fixtures';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const Q4 = period();
const GROW = objective();
const LISTENERS = keyResult();

function editorRoutes(extra: Parameters<typeof mockFetch>[0] = {}) {
  return mockFetch({
    ...shellRoutes(signedInAs('editor')),
    '/api/workspaces/demo/members': page(MEMBERS),
    '/api/workspaces/demo/metrics': emptyPage,
    '/api/workspaces/demo/periods': page([Q4]),
    '/api/workspaces/demo/objectives': page([GROW]),
    '/api/workspaces/demo/key-results': page([LISTENERS]),
    ...extra,
  });
}

const posts = (fetchMock: ReturnType<typeof mockFetch>) =>
  fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST');

describe('OKR forms', () => {
  it('checks a key result inline with the API’s rules before sending anything', async () => {
    const fetchMock = editorRoutes();
    renderApp(`/w/demo/okrs?period=${Q4.id}`);

    fireEvent.click(await screen.findByRole('button', { name: 'Add key result' }));
    const dialog = await screen.findByRole('dialog', { name: 'New key result' });
    fireEvent.change(within(dialog).getByLabelText(/^Title/), {
      target: { value: 'Ad fill rate' },
    });
    fireEvent.change(within(dialog).getByLabelText(/^Baseline/), { target: { value: '40' } });
    fireEvent.change(within(dialog).getByLabelText(/^Target/), { target: { value: '40' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create key result' }));

    expect(await within(dialog).findByText('Must differ from the baseline')).toBeTruthy();
    expect(
      within(dialog)
        .getByLabelText(/^Target/)
        .getAttribute('aria-invalid'),
    ).toBe('true');
    expect(posts(fetchMock)).toHaveLength(0);
  });

  it('puts the API’s 400 errors next to the fields they name', async () => {
    editorRoutes({
      'POST /api/workspaces/demo/key-results': validationProblem([
        { path: 'weight', message: 'must be greater than 0' },
        { path: 'objectiveId', message: 'is not an objective of this workspace' },
      ]),
    });
    renderApp(`/w/demo/okrs?period=${Q4.id}`);

    fireEvent.click(await screen.findByRole('button', { name: 'Add key result' }));
    const dialog = await screen.findByRole('dialog', { name: 'New key result' });
    fireEvent.change(within(dialog).getByLabelText(/^Title/), {
      target: { value: 'Ad fill rate' },
    });
    fireEvent.change(within(dialog).getByLabelText(/^Baseline/), { target: { value: '40' } });
    fireEvent.change(within(dialog).getByLabelText(/^Target/), { target: { value: '70' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create key result' }));

    expect(await within(dialog).findByText('Is not an objective of this workspace')).toBeTruthy();
    expect(within(dialog).getByText('Must be greater than 0')).toBeTruthy();
    expect(
      within(dialog)
        .getByLabelText(/^Weight/)
        .getAttribute('aria-invalid'),
    ).toBe('true');
    // Every error found a field: no alert repeats them.
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });

  it('says why a check-in was refused when the reason is not a field of the form', async () => {
    editorRoutes({
      [`POST /api/workspaces/demo/key-results/${LISTENERS.id}/check-ins`]: validationProblem([
        {
          path: 'objective.status',
          message: 'is closed: only key results of active objectives take check-ins',
        },
        { path: 'date', message: 'must not be after today (2026-11-26)' },
      ]),
    });
    renderApp(`/w/demo/okrs?period=${Q4.id}`);

    fireEvent.click(await screen.findByRole('button', { name: `Check in on ${LISTENERS.title}` }));
    const dialog = await screen.findByRole('dialog', { name: 'Check in' });
    fireEvent.change(within(dialog).getByLabelText(/^Value/), { target: { value: '150' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save check-in' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('Objective status');
    expect(alert.textContent).toContain('only key results of active objectives take check-ins');
    expect(within(dialog).getByText('Must not be after today (2026-11-26)')).toBeTruthy();
  });

  it('creates a period and shows it', async () => {
    const created = period({
      id: '00000000-0000-4000-8000-000000000109',
      name: '2027 Q1',
      start: '2027-01-01',
      end: '2027-03-31',
    });
    let periods = [Q4];
    const fetchMock = editorRoutes({
      'GET /api/workspaces/demo/periods': () =>
        fakeResponse(200, { items: periods, nextCursor: null }),
      'POST /api/workspaces/demo/periods': () => {
        periods = [created, Q4];
        return fakeResponse(201, created);
      },
    });
    renderApp(`/w/demo/okrs?period=${Q4.id}`);

    fireEvent.click(await screen.findByRole('button', { name: 'New period' }));
    const dialog = await screen.findByRole('dialog', { name: 'New period' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create period' }));
    expect(await within(dialog).findByText('Enter a name')).toBeTruthy();

    fireEvent.change(within(dialog).getByLabelText(/^Name/), { target: { value: '2027 Q1' } });
    fireEvent.change(within(dialog).getByLabelText(/^First day/), {
      target: { value: '2027-03-31' },
    });
    fireEvent.change(within(dialog).getByLabelText(/^Last day/), {
      target: { value: '2027-01-01' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create period' }));
    expect(await within(dialog).findByText('Must not be before start')).toBeTruthy();
    expect(posts(fetchMock)).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText(/^First day/), {
      target: { value: '2027-01-01' },
    });
    fireEvent.change(within(dialog).getByLabelText(/^Last day/), {
      target: { value: '2027-03-31' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create period' }));

    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe(`/w/demo/okrs?period=${created.id}`),
    );
    expect(screen.getByLabelText<HTMLSelectElement>('Period').value).toBe(created.id);
  });
});
