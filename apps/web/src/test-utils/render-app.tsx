import type { RenderResult } from '@testing-library/react';
import { useLocation, useRoutes } from 'react-router';
import { routes } from '../app/router';
import { renderWithProviders } from './render';

// The app's route table under an in-memory router: jsdom has no fetch `Request`, which the
// data router behind createBrowserRouter needs, and the table is what these tests are about.
function AppRoutes() {
  const location = useLocation();
  return (
    <>
      {useRoutes(routes)}
      <output data-testid="location">{`${location.pathname}${location.search}`}</output>
    </>
  );
}

/** The whole app at `route`, as a browser would show it (fetch must be mocked). */
export function renderApp(route: string): RenderResult {
  return renderWithProviders(<AppRoutes />, { route });
}
