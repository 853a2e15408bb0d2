import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/api-error';
import { sessionKey } from './auth/session';

const MAX_RETRIES = 2;

export function createQueryClient(): QueryClient {
  // A 401 from any request means the session ended (idle or absolute expiry, signed out in
  // another tab): checking the session again lets the sign-in gate take the user there.
  const onError = (error: Error) => {
    if (error instanceof ApiError && error.status === 401) {
      void queryClient.invalidateQueries({ queryKey: sessionKey });
    }
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx will not change by asking again; server errors and network failures might.
        retry: (failureCount, error) =>
          failureCount < MAX_RETRIES && !(error instanceof ApiError && error.status < 500),
      },
    },
  });
  return queryClient;
}
