import { afterEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { MeResponse } from '@bearing/contracts';
import { fakeResponse, mockFetch, sentBody } from '../../test-utils/fake-fetch';
import { renderApp } from '../../test-utils/render-app';
import { shellRoutes, signedInAs } from '../../test-utils/session-fixtures';

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

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const RECOVERY_CODES = Array.from({ length: 10 }, (_, index) => `abcde-fgh${index}a`);

function withMfa(me: MeResponse, mfaEnabled: boolean): MeResponse {
  return { ...me, user: { ...me.user, mfaEnabled } };
}

describe('two-factor authentication on the account page', () => {
  it('sets up an app from a QR code and shows the recovery codes once', async () => {
    let enabled = false;
    const fetchMock = mockFetch({
      ...shellRoutes(signedInAs('editor')),
      '/api/auth/session': () => fakeResponse(200, { me: withMfa(signedInAs('editor'), enabled) }),
      '/api/me/sessions': () => fakeResponse(200, { items: [] }),
      'POST /api/me/mfa/totp': () =>
        fakeResponse(200, {
          secret: SECRET,
          otpauthUrl: `otpauth://totp/Bearing:ana%40example.com?issuer=Bearing&secret=${SECRET}`,
        }),
      'POST /api/me/mfa/totp/verify': () => {
        enabled = true;
        return fakeResponse(200, { recoveryCodes: RECOVERY_CODES });
      },
    });
    renderApp('/account');

    fireEvent.click(await screen.findByRole('button', { name: 'Set up an authenticator app' }));
    const qr = await screen.findByRole('img', {
      name: 'QR code to scan with your authenticator app',
    });
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(screen.getByText(SECRET)).toBeTruthy();

    fireEvent.change(screen.getByLabelText(/The six-digit code/), { target: { value: '12345' } });
    fireEvent.click(screen.getByRole('button', { name: 'Turn on' }));
    expect(await screen.findByText(/Must be the 6 digits/)).toBeTruthy();
    expect(fetchMock.mock.calls.some(([url]) => url === '/api/me/mfa/totp/verify')).toBe(false);

    fireEvent.change(screen.getByLabelText(/The six-digit code/), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Turn on' }));
    const codes = await screen.findByRole('list', { name: 'Recovery codes' });
    expect(
      within(codes)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(RECOVERY_CODES);
    await waitFor(() => expect(screen.getByText('On')).toBeTruthy());

    fireEvent.click(screen.getByRole('button', { name: 'I have saved them' }));
    expect(screen.queryByRole('list', { name: 'Recovery codes' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Turn off two-factor authentication' })).toBeTruthy();
  });

  it('turns it off only with the right password', async () => {
    let attempts = 0;
    const fetchMock = mockFetch({
      ...shellRoutes(withMfa(signedInAs('editor'), true)),
      '/api/me/sessions': () => fakeResponse(200, { items: [] }),
      'DELETE /api/me/mfa': () =>
        ++attempts === 1
          ? fieldProblem('password', 'is not your current password', 'The password is not correct.')
          : fakeResponse(204, undefined),
    });
    renderApp('/account');

    fireEvent.click(
      await screen.findByRole('button', { name: 'Turn off two-factor authentication' }),
    );
    fireEvent.change(screen.getByLabelText(/^Your password/), { target: { value: 'wrong one' } });
    fireEvent.click(screen.getByRole('button', { name: 'Turn off' }));
    expect(await screen.findByText('Is not your current password')).toBeTruthy();
    expect(sentBody(fetchMock, 'DELETE')).toEqual({ password: 'wrong one' });

    fireEvent.change(screen.getByLabelText(/^Your password/), {
      target: { value: 'correct horse battery staple' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Turn off' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Turn off' })).toBeNull());
  });

  it('sends an instance admin who must set it up to the enrolment page first', async () => {
    const me = signedInAs('admin');
    mockFetch({
      ...shellRoutes({
        ...me,
        user: { ...me.user, instanceAdmin: true, mfaEnrolmentRequired: true },
      }),
    });
    renderApp('/admin');

    expect(
      await screen.findByRole('heading', { name: 'Set up two-factor authentication' }),
    ).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/enrol-mfa');
    expect(screen.getByRole('button', { name: 'Set up an authenticator app' })).toBeTruthy();
  });
});
