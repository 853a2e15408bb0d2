import { afterEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeResponse, mockFetch, problemResponse } from '../../test-utils/fake-fetch';
import { renderApp } from '../../test-utils/render-app';
import { emptyPage, shellRoutes, signedInAs } from '../../test-utils/session-fixtures';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

/** A 400 naming one field, as the API's validation problems do. */
const fieldProblem = (path: string, message: string, detail: string) =>
  fakeResponse(
    400,
    {
      type: 'https://bearing.dev/problems/validation',
      title: 'Invalid request',
      status: 400,
      detail,
      errors: [{ path, message }],
    },
    'application/problem+json',
  );

const TICKET = 'ticket-from-the-password-step';

async function passwordStep() {
  fireEvent.change(await screen.findByLabelText(/^Email/), {
    target: { value: 'ana@example.com' },
  });
  fireEvent.change(screen.getByLabelText(/^Password/), {
    target: { value: 'correct horse battery staple' },
  });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

const bodiesTo = (fetchMock: ReturnType<typeof mockFetch>, path: string) =>
  fetchMock.mock.calls
    .filter(([url, init]) => url === path && init?.method === 'POST')
    .map(([, init]) => JSON.parse(typeof init?.body === 'string' ? init.body : 'null') as unknown);

describe('signing in with two-factor authentication', () => {
  it('asks for the code after the password, says when it is wrong, then goes on', async () => {
    let attempts = 0;
    const fetchMock = mockFetch({
      ...shellRoutes(null),
      'POST /api/auth/sign-in': () => fakeResponse(200, { mfaRequired: true, ticket: TICKET }),
      'POST /api/auth/mfa': () =>
        ++attempts === 1
          ? fieldProblem(
              'code',
              'is not the code your authenticator app shows now',
              'The code is not correct.',
            )
          : fakeResponse(200, signedInAs('editor')),
      '/api/workspaces/demo/members': emptyPage,
    });
    renderApp('/sign-in?next=%2Fw%2Fdemo%2Fsettings%2Fmembers');
    await passwordStep();

    const code = await screen.findByLabelText(/^Code from your authenticator app/);
    // No session yet: the app did not move on.
    expect(screen.getByTestId('location').textContent).toBe(
      '/sign-in?next=%2Fw%2Fdemo%2Fsettings%2Fmembers',
    );
    fireEvent.change(code, { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(
      await screen.findByText('Is not the code your authenticator app shows now'),
    ).toBeTruthy();

    fireEvent.change(code, { target: { value: '654 321' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Members' })).toBeTruthy();
    expect(bodiesTo(fetchMock, '/api/auth/mfa')).toEqual([
      { ticket: TICKET, code: '123456' },
      { ticket: TICKET, code: '654321' },
    ]);
  });

  it('takes a recovery code instead, and starts over when the ticket has expired', async () => {
    const fetchMock = mockFetch({
      ...shellRoutes(null),
      'POST /api/auth/sign-in': () => fakeResponse(200, { mfaRequired: true, ticket: TICKET }),
      'POST /api/auth/mfa': () =>
        problemResponse(
          401,
          'Unauthorized',
          'This sign-in has expired or was already completed: sign in with your password again.',
          { kind: 'unauthorized' },
        ),
    });
    renderApp('/sign-in');
    await passwordStep();

    fireEvent.click(await screen.findByRole('button', { name: 'Use a recovery code instead' }));
    fireEvent.change(screen.getByLabelText(/^Recovery code/), {
      target: { value: 'ABCDE-FGH23' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));

    expect((await screen.findByRole('alert')).textContent).toContain('sign in with your password');
    expect(bodiesTo(fetchMock, '/api/auth/mfa')).toEqual([
      { ticket: TICKET, recoveryCode: 'abcdefgh23' },
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in again' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy());
  });
});
