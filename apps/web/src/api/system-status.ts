import { healthResponseSchema, readinessResponseSchema } from '@bearing/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from './client';

/** How often the header re-checks readiness, in milliseconds. */
export const READINESS_POLL_INTERVAL_MS = 30_000;

export const systemStatusKeys = {
  health: ['system', 'health'] as const,
  readiness: ['system', 'readiness'] as const,
};

/** `GET /api/health`: the server answers, and which version it runs. */
export function useHealth() {
  return useQuery({
    queryKey: systemStatusKeys.health,
    queryFn: ({ signal }) => apiGet('/api/health', healthResponseSchema, { signal }),
    staleTime: Infinity,
  });
}

/** `GET /api/ready`: the database answers and every migration is applied; polled. */
export function useReadiness() {
  return useQuery({
    queryKey: systemStatusKeys.readiness,
    queryFn: ({ signal }) => apiGet('/api/ready', readinessResponseSchema, { signal }),
    refetchInterval: READINESS_POLL_INTERVAL_MS,
    // A 503 is a real answer, not a glitch: show it now rather than after retries.
    retry: false,
  });
}
