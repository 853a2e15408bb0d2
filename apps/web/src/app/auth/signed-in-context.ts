import type { MeResponse } from '@bearing/contracts';
import { createContext, useContext } from 'react';

/**
 * The signed-in user, provided by `RequireSession` to every page behind it. Pages read it from
 * here rather than from the query, so clearing the cache on sign-out never leaves a page that is
 * about to go away without a user.
 */
export const SignedInContext = createContext<MeResponse | null>(null);

export function useSignedIn(): MeResponse {
  const me = useContext(SignedInContext);
  if (!me) throw new Error('useSignedIn() is only available below <RequireSession>');
  return me;
}
