import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { MetricPage } from '../features/metrics/metric-page';
import { MetricsPage } from '../features/metrics/metrics-page';
import { OkrsPage } from '../features/okrs/okrs-page';
import { PortfolioPage } from '../features/portfolio/portfolio-page';
import { ProgramPage } from '../features/programs/program-page';
import { ProgramsPage } from '../features/programs/programs-page';
import { ReviewsPage } from '../features/reviews/reviews-page';
import { SettingsPage } from '../features/settings/settings-page';
import { TeamPage } from '../features/teams/team-page';
import { TeamsPage } from '../features/teams/teams-page';
import { DEFAULT_WORKSPACE } from './build-info';
import { AppLayout } from './layout/app-layout';
import { NotFoundPage } from './not-found-page';
import { RouteErrorPage } from './route-error-page';

export const routes: RouteObject[] = [
  { path: '/', element: <Navigate to={`/w/${DEFAULT_WORKSPACE}`} replace /> },
  {
    element: <AppLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        path: 'w/:workspace',
        children: [
          { index: true, element: <PortfolioPage /> },
          { path: 'programs', element: <ProgramsPage /> },
          { path: 'programs/:id', element: <ProgramPage /> },
          { path: 'teams', element: <TeamsPage /> },
          { path: 'teams/:id', element: <TeamPage /> },
          { path: 'okrs', element: <OkrsPage /> },
          { path: 'metrics', element: <MetricsPage /> },
          { path: 'metrics/:id', element: <MetricPage /> },
          { path: 'reviews', element: <ReviewsPage /> },
          { path: 'settings', element: <SettingsPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
