import type { MeResponse, PendingPasswordReset } from '@bearing/contracts';
import { afterEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen } from '@testing-library/react';
import { fakeResponse, mockFetch } from '../../test-utils/fake-fetch';
import { renderApp } from '../../test-utils/render-app';
import { shellRoutes, signedInAs } from '../../test-utils/session-fixtures';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

function instanceAdmin(): MeResponse {
  const me = signedInAs('admin');
  return { ...me, user: { ...me.user, instanceAdmin: true } };
}

const BO_RESET: PendingPasswordReset = {
  id: '00000000-0000-4000-8000-0000000000f1',
  user: {
    id: '00000000-0000-4000-8000-0000000000b2',
    email: 'bo@example.com',
    displayName: 'Bo Chen',
  },
  url: 'http://bearing.test/reset-password#token=abc123',
  requestedAt: '2026-03-02T09:00:00.000Z',
  expiresAt: '2026-03-02T09:30:00.000Z',
};

describe('the password resets tab', () => {
  it('shows each waiting link with its account, to pass on', async () => {
    mockFetch({
      ...shellRoutes(instanceAdmin()),
      '/api/admin/users': () => fakeResponse(200, { items: [], nextCursor: null }),
      '/api/admin/password-resets': () => fakeResponse(200, { items: [BO_RESET] }),
    });
    renderApp('/admin');

    fireEvent.click(await screen.findByRole('tab', { name: 'Password resets' }));

    const link = await screen.findByLabelText<HTMLInputElement>('Reset link for bo@example.com');
    expect(link.value).toBe(BO_RESET.url);
    expect(screen.getByText('Bo Chen')).toBeTruthy();
  });

  it('says when nobody waits for a link', async () => {
    mockFetch({
      ...shellRoutes(instanceAdmin()),
      '/api/admin/users': () => fakeResponse(200, { items: [], nextCursor: null }),
      '/api/admin/password-resets': () => fakeResponse(200, { items: [] }),
    });
    renderApp('/admin');

    fireEvent.click(await screen.findByRole('tab', { name: 'Password resets' }));

    expect(await screen.findByText('Nobody is waiting for a reset link.')).toBeTruthy();
  });
});
