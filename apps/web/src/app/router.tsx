import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { MetricPage } from '../features/metrics/metric-page';
import { MetricsPage } from '../features/metrics/metrics-page';
import { KeyResultPage } from '../features/okrs/key-result-page';
import { OkrsPage } from '../features/okrs/okrs-page';
import { PortfolioPage } from '../features/portfolio/portfolio-page';
import { ProgramPage } from '../features/programs/program-page';
import { ProgramsPage } from '../features/programs/programs-page';
import { ReviewsPage } from '../features/reviews/reviews-page';
import { AuditPanel } from '../features/settings/audit/audit-panel';
import { MembersPanel } from '../features/settings/members/members-panel';
import { SettingsPage } from '../features/settings/settings-page';
import { TokensPanel } from '../features/settings/tokens/tokens-panel';
import { TeamPage } from '../features/teams/team-page';
import { TeamsPage } from '../features/teams/teams-page';
import { AudienceLanding } from '../features/workspaces/audience-landing';
import { FirstWorkspacePage } from '../features/workspaces/first-workspace-page';
import { HomeRedirect } from '../features/workspaces/home-redirect';
import { WorkspaceRoute } from '../features/workspaces/workspace-route';
import { AcceptInvitePage } from './auth/accept-invite-page';
import { RequireSession } from './auth/require-session';
import { SignInPage } from './auth/sign-in-page';
import { AppLayout } from './layout/app-layout';
import { NotFoundPage } from './not-found-page';
import { RouteErrorPage } from './route-error-page';

export const routes: RouteObject[] = [
  {
    errorElement: <RouteErrorPage />,
    children: [
      // Public: everything else needs a signed-in user.
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'invite/:token', element: <AcceptInvitePage /> },
      {
        element: <RequireSession />,
        children: [
          { index: true, element: <HomeRedirect /> },
          {
            element: <AppLayout />,
            children: [
              { path: 'welcome', element: <FirstWorkspacePage /> },
              {
                path: 'w/:workspace',
                element: <WorkspaceRoute />,
                children: [
                  { index: true, element: <AudienceLanding /> },
                  { path: 'portfolio', element: <PortfolioPage /> },
                  { path: 'programs', element: <ProgramsPage /> },
                  { path: 'programs/:id', element: <ProgramPage /> },
                  { path: 'teams', element: <TeamsPage /> },
                  { path: 'teams/:id', element: <TeamPage /> },
                  { path: 'okrs', element: <OkrsPage /> },
                  { path: 'okrs/key-results/:id', element: <KeyResultPage /> },
                  { path: 'metrics', element: <MetricsPage /> },
                  { path: 'metrics/:id', element: <MetricPage /> },
                  { path: 'reviews', element: <ReviewsPage /> },
                  {
                    path: 'settings',
                    element: <SettingsPage />,
                    children: [
                      { index: true, element: <Navigate to="members" replace /> },
                      { path: 'members', element: <MembersPanel /> },
                      { path: 'tokens', element: <TokensPanel /> },
                      { path: 'audit', element: <AuditPanel /> },
                      { path: '*', element: <NotFoundPage /> },
                    ],
                  },
                  { path: '*', element: <NotFoundPage /> },
                ],
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
