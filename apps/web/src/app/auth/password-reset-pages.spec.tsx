import { afterEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen } from '@testing-library/react';
import { fakeResponse, mockFetch, sentBody } from '../../test-utils/fake-fetch';
import { renderApp } from '../../test-utils/render-app';
import { shellRoutes } from '../../test-utils/session-fixtures';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const SAME_ANSWER = {
  message: 'If an account has this email, a link to reset its password is on its way.',
};

describe('ForgotPasswordPage', () => {
  it('is linked from the sign-in page', async () => {
    mockFetch(shellRoutes(null));
    renderApp('/sign-in');

    fireEvent.click(await screen.findByRole('link', { name: 'Forgot password?' }));

    expect(await screen.findByRole('heading', { name: 'Reset your password' })).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/forgot-password');
  });

  it("asks for a link and shows the server's one answer", async () => {
    const fetchMock = mockFetch({
      'POST /api/auth/password-reset': () => fakeResponse(202, SAME_ANSWER),
    });
    renderApp('/forgot-password');

    fireEvent.change(await screen.findByLabelText(/^Email/), {
      target: { value: ' Ana@Example.com ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send reset link' }));

    expect((await screen.findByRole('status', { name: 'Check your email' })).textContent).toContain(
      SAME_ANSWER.message,
    );
    expect(sentBody(fetchMock, 'POST')).toEqual({ email: 'ana@example.com' });
  });
});

describe('ResetPasswordPage', () => {
  const choose = (password: string, repeated = password) => {
    fireEvent.change(screen.getByLabelText(/^New password/), { target: { value: password } });
    fireEvent.change(screen.getByLabelText(/^Repeat new password/), {
      target: { value: repeated },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Set new password' }));
  };

  it('sends the token from the link with the new password, then points to sign-in', async () => {
    const fetchMock = mockFetch({
      'POST /api/auth/password-reset/confirm': () => fakeResponse(204, undefined),
    });
    renderApp('/reset-password#token=abc_DEF-123');
    await screen.findByRole('heading', { name: 'Choose a new password' });

    choose('quokka fjord lantern 1897');

    expect((await screen.findByRole('status', { name: 'Password changed' })).textContent).toContain(
      'every session has ended',
    );
    expect(sentBody(fetchMock, 'POST')).toEqual({
      token: 'abc_DEF-123',
      password: 'quokka fjord lantern 1897',
    });
    expect(screen.getByRole('link', { name: 'Sign in with it' })).toBeTruthy();
  });

  it("shows the policy's message on the field", async () => {
    mockFetch({
      'POST /api/auth/password-reset/confirm': () =>
        fakeResponse(
          400,
          {
            type: 'https://bearing.dev/problems/validation',
            title: 'Invalid request',
            status: 400,
            errors: [{ path: 'password', message: 'contains your email address' }],
          },
          'application/problem+json',
        ),
    });
    renderApp('/reset-password#token=abc');
    await screen.findByRole('heading', { name: 'Choose a new password' });

    choose('ana@example.com is me');

    expect(await screen.findByText('Contains your email address')).toBeTruthy();
  });

  it('says when the link is used up or expired', async () => {
    mockFetch({
      'POST /api/auth/password-reset/confirm': () =>
        fakeResponse(
          400,
          {
            type: 'https://bearing.dev/problems/validation',
            title: 'Invalid request',
            status: 400,
            errors: [{ path: 'token', message: 'is unknown, used already or expired' }],
          },
          'application/problem+json',
        ),
    });
    renderApp('/reset-password#token=old');
    await screen.findByRole('heading', { name: 'Choose a new password' });

    choose('quokka fjord lantern 1897');

    expect((await screen.findByRole('alert', { name: /cannot be used/ })).textContent).toContain(
      'older than 30 minutes',
    );
    expect(screen.getByRole('link', { name: 'Ask for a new link' })).toBeTruthy();
  });

  it('refuses to start without a token in the link', async () => {
    mockFetch({});
    renderApp('/reset-password');

    expect(await screen.findByRole('alert', { name: /cannot be used/ })).toBeTruthy();
    expect(
      screen.getByRole<HTMLButtonElement>('button', { name: 'Set new password' }).disabled,
    ).toBe(true);
  });
});

describe('a password someone else chose', () => {
  it('sends the user to choose their own, then on into the app', async () => {
    let mustChange = true;
    const me = () => ({
      user: {
        id: '00000000-0000-4000-8000-0000000000a1',
        email: 'admin@bearing.local',
        displayName: 'Administrator',
        mustChangePassword: mustChange,
        instanceAdmin: true,
        mfaEnabled: false,
        mfaEnrolmentRequired: false,
      },
      preferences: { audience: 'executive' as const },
      workspaces: [],
      canCreateWorkspaces: true,
    });
    mockFetch({
      ...shellRoutes(null),
      '/api/auth/session': () => fakeResponse(200, { me: me() }),
      'POST /api/me/password': () => {
        mustChange = false;
        return fakeResponse(204, undefined);
      },
    });
    renderApp('/w/demo/portfolio');

    expect(await screen.findByRole('heading', { name: 'Choose your own password' })).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/change-password');

    fireEvent.change(screen.getByLabelText(/^Current password/), {
      target: { value: 'generated-Xy9' },
    });
    fireEvent.change(screen.getByLabelText(/^New password/), {
      target: { value: 'quokka fjord lantern 1897' },
    });
    fireEvent.change(screen.getByLabelText(/^Repeat new password/), {
      target: { value: 'quokka fjord lantern 1897' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save and continue' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Create your first workspace' }),
    ).toBeTruthy();
  });
});
