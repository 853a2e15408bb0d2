import { jest } from '@jest/globals';

/** The parts of a fetch `Response` the API client reads: jsdom has no fetch of its own. */
export function fakeResponse(
  status: number,
  body: unknown,
  contentType = 'application/json',
): Response {
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: '',
    headers: {
      get: (name: string) => (name.toLowerCase() === 'content-type' ? contentType : null),
    },
    json: () => Promise.resolve(body),
  } as unknown as Response;
}

export type FetchMock = jest.Mock<typeof fetch>;

/** Replaces `globalThis.fetch` with a mock answering each path from `routes`; 404 otherwise. */
export function mockFetch(routes: Record<string, () => Response>): FetchMock {
  const mock = jest.fn<typeof fetch>((input) => {
    const path =
      typeof input === 'string' ? input : input instanceof URL ? input.pathname : input.url;
    const answer = routes[path];
    return Promise.resolve(
      answer
        ? answer()
        : fakeResponse(
            404,
            { type: 'about:blank', title: 'Not Found', status: 404 },
            'application/problem+json',
          ),
    );
  });
  globalThis.fetch = mock;
  return mock;
}
