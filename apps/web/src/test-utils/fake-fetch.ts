import { jest } from '@jest/globals';

/** The parts of a fetch `Response` the API client reads: jsdom has no fetch of its own. */
export function fakeResponse(
  status: number,
  body: unknown,
  contentType = 'application/json',
  headers: Record<string, string> = {},
): Response {
  const lowerCased = new Map(
    Object.entries({ 'content-type': contentType, ...headers }).map(([name, value]) => [
      name.toLowerCase(),
      value,
    ]),
  );
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: '',
    headers: { get: (name: string) => lowerCased.get(name.toLowerCase()) ?? null },
    json: () => Promise.resolve(body),
  } as unknown as Response;
}

/** A problem+json error answer, as the API sends them. */
export function problemResponse(
  status: number,
  title: string,
  detail?: string,
  { kind = 'about:blank', headers = {} }: { kind?: string; headers?: Record<string, string> } = {},
): Response {
  const type = kind === 'about:blank' ? kind : `https://bearing.dev/problems/${kind}`;
  return fakeResponse(
    status,
    { type, title, status, ...(detail === undefined ? {} : { detail }) },
    'application/problem+json',
    headers,
  );
}

/** What a route handler gets to look at: the method, full URL and the parsed JSON body. */
export interface FakeRequest {
  method: string;
  url: string;
  body: unknown;
}

export type FakeRoute = (request: FakeRequest) => Response;
export type FetchMock = jest.Mock<typeof fetch>;

/**
 * Replaces `globalThis.fetch` with a mock answering from `routes`; 404 otherwise. A key is a
 * path (`/api/me/tokens`, any method, any query) or a method and path (`POST /api/me/tokens`);
 * the more specific key wins, and a key with a query string matches only that query.
 */
export function mockFetch(routes: Record<string, FakeRoute>): FetchMock {
  const mock = jest.fn<typeof fetch>((input, init) => {
    const url =
      typeof input === 'string' ? input : input instanceof URL ? input.pathname : input.url;
    const method = (init?.method ?? 'GET').toUpperCase();
    const pathname = url.split('?')[0] ?? url;
    const answer =
      routes[`${method} ${url}`] ??
      routes[url] ??
      routes[`${method} ${pathname}`] ??
      routes[pathname];
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    return Promise.resolve(
      answer ? answer({ method, url, body }) : problemResponse(404, 'Not Found'),
    );
  });
  globalThis.fetch = mock;
  return mock;
}

/** The JSON body of the first request made with `method` (e.g. `POST`), or `undefined`. */
export function sentBody(mock: FetchMock, method: string): unknown {
  const call = mock.mock.calls.find(([, init]) => init?.method === method);
  const body = call?.[1]?.body;
  return typeof body === 'string' ? JSON.parse(body) : undefined;
}
