import { healthResponseSchema } from '@bearing/contracts';
import { afterEach, describe, expect, it } from '@jest/globals';
import { fakeResponse, mockFetch } from '../test-utils/fake-fetch';
import { ApiError, UnexpectedResponseError } from './api-error';
import { apiGet, apiSend, holdSignedInRequests } from './client';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

describe('apiGet', () => {
  it('returns the body once it matches the schema', async () => {
    const fetchMock = mockFetch({
      '/api/health': () => fakeResponse(200, { status: 'ok', version: '0.1.0' }),
    });

    await expect(apiGet('/api/health', healthResponseSchema)).resolves.toEqual({
      status: 'ok',
      version: '0.1.0',
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('turns a problem+json response into an ApiError carrying the problem', async () => {
    const problem = {
      type: 'https://bearing.dev/problems/not-ready',
      title: 'Service Unavailable',
      status: 503,
      detail: 'The database does not answer.',
    };
    mockFetch({ '/api/ready': () => fakeResponse(503, problem, 'application/problem+json') });

    const error = await apiGet('/api/ready', healthResponseSchema).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(503);
    expect(apiError.title).toBe('Service Unavailable');
    expect(apiError.problem).toEqual(problem);
    expect(apiError.message).toBe('Service Unavailable: The database does not answer.');
  });

  it('gives an error without problem details the about:blank problem for its status', async () => {
    mockFetch({ '/api/health': () => fakeResponse(502, '<html>Bad gateway</html>', 'text/html') });

    const error = await apiGet('/api/health', healthResponseSchema).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem).toEqual({
      type: 'about:blank',
      title: 'HTTP 502',
      status: 502,
    });
  });

  it('rejects a 2xx body that breaks the contract', async () => {
    mockFetch({ '/api/health': () => fakeResponse(200, { status: 'ok' }) });

    await expect(apiGet('/api/health', healthResponseSchema)).rejects.toBeInstanceOf(
      UnexpectedResponseError,
    );
  });
});

describe('apiSend', () => {
  it('sends a Blob as it is, with its own media type', async () => {
    const fetchMock = mockFetch({ 'POST /api/upload': () => fakeResponse(200, {}) });
    const file = new Blob(['timestamp,value\n2026-11-02,1\n'], { type: 'text/csv' });

    await apiSend('POST', '/api/upload', file);

    const init = fetchMock.mock.calls[0]?.[1];
    expect(init?.body).toBe(file);
    expect(init?.headers).toEqual(expect.objectContaining({ 'Content-Type': 'text/csv' }));
  });
});

describe('holdSignedInRequests', () => {
  it('sends no request of a signed-in page while the session ends, but the public ones', async () => {
    const fetchMock = mockFetch({
      '/api/health': () => fakeResponse(200, { status: 'ok', version: '0.1.0' }),
      'POST /api/auth/sign-out': () => fakeResponse(204, undefined),
      '/api/workspaces/demo/portfolio': () => fakeResponse(401, undefined),
    });
    const release = holdSignedInRequests();
    try {
      const cancel = new AbortController();
      const held = apiGet('/api/workspaces/demo/portfolio', healthResponseSchema, {
        signal: cancel.signal,
      });
      await apiSend('POST', '/api/auth/sign-out');
      await expect(apiGet('/api/health', healthResponseSchema)).resolves.toMatchObject({
        status: 'ok',
      });
      cancel.abort();
      await expect(held).rejects.toMatchObject({ name: 'AbortError' });
      expect(fetchMock.mock.calls.map(([url]) => url)).toEqual([
        '/api/auth/sign-out',
        '/api/health',
      ]);
    } finally {
      release();
    }
    // Once released (the signed-in pages are gone), requests go as before.
    await expect(
      apiGet('/api/workspaces/demo/portfolio', healthResponseSchema),
    ).rejects.toBeInstanceOf(ApiError);
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });
});
