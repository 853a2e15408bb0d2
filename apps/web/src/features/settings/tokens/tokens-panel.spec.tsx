import type { ApiToken } from '@bearing/contracts';
import { afterEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen, within } from '@testing-library/react';
import { fakeResponse, mockFetch, sentBody } from '../../../test-utils/fake-fetch';
import { renderApp } from '../../../test-utils/render-app';
import { DEMO_WORKSPACE, shellRoutes, signedInAs } from '../../../test-utils/session-fixtures';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const SECRET = 'brg_s3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3t';
const me = signedInAs('editor');

const token: ApiToken = {
  id: '00000000-0000-4000-8000-0000000000c1',
  name: 'Warehouse sync',
  prefix: 'brg_s3cr3t',
  scope: 'write',
  workspace: { id: DEMO_WORKSPACE.id, slug: 'demo', name: DEMO_WORKSPACE.name },
  owner: me.user,
  createdAt: '2025-03-01T10:00:00.000Z',
  expiresAt: '2099-05-30T10:00:00.000Z',
  lastUsedAt: null,
};

describe('TokensPanel', () => {
  it('shows a new token once, with a copy button and a warning, then only its prefix', async () => {
    let created = false;
    const fetchMock = mockFetch({
      ...shellRoutes(me),
      'GET /api/me/tokens': () =>
        fakeResponse(200, { items: created ? [token] : [], nextCursor: null }),
      'POST /api/me/tokens': () => {
        created = true;
        return fakeResponse(201, { ...token, token: SECRET });
      },
    });
    renderApp('/w/demo/settings/tokens');

    expect(await screen.findByText('You have no API tokens for this workspace yet.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^Name/), { target: { value: 'Warehouse sync' } });
    fireEvent.change(screen.getByLabelText(/^Scope/), { target: { value: 'write' } });
    fireEvent.change(screen.getByLabelText(/^Expires after/), { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));

    const secret = await screen.findByDisplayValue(SECRET);
    expect(secret.getAttribute('readonly')).not.toBeNull();
    expect(screen.getByText(/This is the only time Bearing shows it/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy' })).toBeTruthy();
    expect(sentBody(fetchMock, 'POST')).toEqual({
      name: 'Warehouse sync',
      workspace: 'demo',
      scope: 'write',
      expiresInDays: 30,
    });

    const table = await screen.findByRole('table');
    expect(within(table).getByText('brg_s3cr3t…')).toBeTruthy();
    expect(within(table).getByText('Never')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'I have copied it' }));
    expect(screen.queryByDisplayValue(SECRET)).toBeNull();
    expect(document.body.textContent).not.toContain(SECRET);
    expect(screen.getByRole('button', { name: 'Create token' })).toBeTruthy();
  });

  it("lets an admin revoke another member's token through the workspace route", async () => {
    const bos: ApiToken = {
      ...token,
      id: '00000000-0000-4000-8000-0000000000c2',
      name: 'CI export',
      owner: {
        id: '00000000-0000-4000-8000-0000000000b2',
        email: 'bo@example.com',
        displayName: 'Bo Chen',
      },
    };
    let revoked = false;
    const fetchMock = mockFetch({
      ...shellRoutes(signedInAs('admin')),
      'GET /api/me/tokens': () => fakeResponse(200, { items: [], nextCursor: null }),
      'GET /api/workspaces/demo/tokens': () =>
        fakeResponse(200, { items: revoked ? [] : [bos], nextCursor: null }),
      [`DELETE /api/workspaces/demo/tokens/${bos.id}`]: () => {
        revoked = true;
        return fakeResponse(204, undefined);
      },
    });
    renderApp('/w/demo/settings/tokens');

    expect(
      await screen.findByRole('heading', { name: 'All tokens in this workspace' }),
    ).toBeTruthy();
    expect((await screen.findByRole('table')).textContent).toContain('bo@example.com');
    fireEvent.click(screen.getByRole('button', { name: 'Revoke CI export' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke token' }));

    expect(await screen.findByText('No member has an API token for this workspace.')).toBeTruthy();
    expect(
      fetchMock.mock.calls.some(
        ([path, init]) =>
          init?.method === 'DELETE' && path === `/api/workspaces/demo/tokens/${bos.id}`,
      ),
    ).toBe(true);
  });
});
