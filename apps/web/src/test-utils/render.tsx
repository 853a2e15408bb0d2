import { QueryClient } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { AppProviders } from '../app/providers';

export interface RenderOptions {
  /** The URL the in-memory router starts at. */
  route?: string;
}

/** Renders `ui` inside the app's providers and an in-memory router, as the app would. */
export function renderWithProviders(
  ui: ReactElement,
  { route = '/' }: RenderOptions = {},
): RenderResult {
  const queryClient = new QueryClient({
    // No retries (tests want the first answer) and no garbage-collection timers left running.
    defaultOptions: { queries: { retry: false, gcTime: Infinity } },
  });
  return render(
    <AppProviders queryClient={queryClient} env="test">
      <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
    </AppProviders>,
  );
}
