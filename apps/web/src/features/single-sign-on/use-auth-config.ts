import { authConfigResponseSchema } from '@bearing/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../api/client';

/** `GET /api/auth/config`: whether this instance offers single sign-on and password sign-in. */
export function useAuthConfig() {
  return useQuery({
    queryKey: ['auth', 'config'],
    queryFn: ({ signal }) => apiGet('/api/auth/config', authConfigResponseSchema, { signal }),
    staleTime: Infinity,
    retry: false,
  });
}
