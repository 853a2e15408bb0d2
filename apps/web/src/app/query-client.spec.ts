import { afterEach, describe, expect, it } from '@jest/globals';
import { healthResponseSchema } from '@bearing/contracts';
import { apiGet } from '../api/client';
import { mockFetch, problemResponse } from '../test-utils/fake-fetch';
import { sessionKey } from './auth/session';
import { createQueryClient } from './query-client';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

describe('createQueryClient', () => {
  it('checks the session again when any request answers 401, so the gate can send the user to sign in', async () => {
    mockFetch({ '/api/me/tokens': () => problemResponse(401, 'Unauthorized') });
    const queryClient = createQueryClient();
    queryClient.setQueryData(sessionKey, null);

    await queryClient
      .fetchQuery({
        queryKey: ['me', 'tokens'],
        queryFn: () => apiGet('/api/me/tokens', healthResponseSchema),
      })
      .catch(() => undefined);

    expect(queryClient.getQueryState(sessionKey)?.isInvalidated).toBe(true);
    queryClient.clear();
  });
});
