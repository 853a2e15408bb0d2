import { afterEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeResponse, mockFetch } from '../../test-utils/fake-fetch';
import { renderApp } from '../../test-utils/render-app';
import { emptyPage, shellRoutes, signedInAs } from '../../test-utils/session-fixtures';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const location = () => screen.getByTestId('location').textContent;

describe('the header menus', () => {
  it('switches workspace and keeps the area and tab', async () => {
    mockFetch({ ...shellRoutes(signedInAs('admin')), '/api/me/tokens': emptyPage });
    renderApp('/w/demo/settings/tokens');

    fireEvent.click(await screen.findByRole('button', { name: /^Workspace / }));
    const acme = await screen.findByRole('menuitem', { name: /Acme/ });
    expect(acme.textContent).toContain('Viewer');
    fireEvent.click(acme);

    await waitFor(() => expect(location()).toBe('/w/acme/settings/tokens'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
  });

  it('signs out and lands on the sign-in page', async () => {
    const fetchMock = mockFetch({
      ...shellRoutes(signedInAs('viewer')),
      'POST /api/auth/sign-out': () => fakeResponse(204, undefined),
    });
    renderApp('/w/demo/programs');

    // The menu's code loads after the page: a click before it arrives opens it when it does.
    fireEvent.click(await screen.findByRole('button', { name: 'Account: Ana Lima' }));
    expect(await screen.findByText('ana@example.com')).toBeTruthy();
    fireEvent.click(screen.getByRole('menuitem', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(location()).toBe('/sign-in');
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(true);
  });

  it('creates a workspace from the switcher and shows a taken slug on the slug field', async () => {
    mockFetch({
      ...shellRoutes(signedInAs('admin')),
      'POST /api/workspaces': () =>
        fakeResponse(
          409,
          {
            type: 'https://bearing.dev/problems/slug-taken',
            title: 'Conflict',
            status: 409,
            detail: 'The slug "acme" is taken; choose another.',
          },
          'application/problem+json',
        ),
    });
    renderApp('/w/demo');

    fireEvent.click(await screen.findByRole('button', { name: /^Workspace / }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Create workspace…' }));
    fireEvent.change(await screen.findByLabelText(/^Name/), { target: { value: 'Acme' } });
    expect(screen.getByLabelText<HTMLInputElement>(/^Slug/).value).toBe('acme');
    fireEvent.click(screen.getByRole('button', { name: 'Create workspace' }));

    expect(await screen.findByText('The slug "acme" is taken; choose another.')).toBeTruthy();
    expect(screen.getByLabelText(/^Slug/).getAttribute('aria-invalid')).toBe('true');
  });
});
