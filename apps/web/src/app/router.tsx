import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { AudienceLanding } from '../features/workspaces/audience-landing';
import { HomeRedirect } from '../features/workspaces/home-redirect';
import { WorkspaceRoute } from '../features/workspaces/workspace-route';
import { RequireSession } from './auth/require-session';
import { AppLayout } from './layout/app-layout';
import { LazyOutlet } from './lazy-outlet';
import { NotFoundPage } from './not-found-page';
import { lazyPage } from './lazy-page';
import { RouteErrorPage } from './route-error-page';

// Each area of the app is loaded when first visited (see lazyPage). So are the pages for someone
// not signed in (sign-in, invitations) and the first-workspace page: a signed-in user opening the
// portfolio downloads none of their forms.
const AcceptInvitePage = lazyPage(() => import('./auth/accept-invite-page'), 'AcceptInvitePage');
const SignInPage = lazyPage(() => import('./auth/sign-in-page'), 'SignInPage');
const ForgotPasswordPage = lazyPage(
  () => import('./auth/forgot-password-page'),
  'ForgotPasswordPage',
);
const ResetPasswordPage = lazyPage(() => import('./auth/reset-password-page'), 'ResetPasswordPage');
const ForcedPasswordChangePage = lazyPage(
  () => import('./auth/forced-password-change-page'),
  'ForcedPasswordChangePage',
);
const ForcedMfaEnrolmentPage = lazyPage(
  () => import('./auth/forced-mfa-enrolment-page'),
  'ForcedMfaEnrolmentPage',
);
const AccountPage = lazyPage(() => import('../features/account/account-page'), 'AccountPage');
const FirstWorkspacePage = lazyPage(
  () => import('../features/workspaces/first-workspace-page'),
  'FirstWorkspacePage',
);
const ExplorePage = lazyPage(() => import('../features/explore/explore-page'), 'ExplorePage');
const AlertsPage = lazyPage(() => import('../features/alerts/alerts-page'), 'AlertsPage');
const RulesPage = lazyPage(() => import('../features/alerts/rules-page'), 'RulesPage');
const RuleEditorPage = lazyPage(
  () => import('../features/alerts/rule-editor-page'),
  'RuleEditorPage',
);
const MetricPage = lazyPage(() => import('../features/metrics/metric-page'), 'MetricPage');
const MetricsPage = lazyPage(() => import('../features/metrics/metrics-page'), 'MetricsPage');
const KeyResultPage = lazyPage(() => import('../features/okrs/key-result-page'), 'KeyResultPage');
const OkrsPage = lazyPage(() => import('../features/okrs/okrs-page'), 'OkrsPage');
const PortfolioPage = lazyPage(
  () => import('../features/portfolio/portfolio-page'),
  'PortfolioPage',
);
const ProgramPage = lazyPage(() => import('../features/programs/program-page'), 'ProgramPage');
const ProgramsPage = lazyPage(() => import('../features/programs/programs-page'), 'ProgramsPage');
const ReportPage = lazyPage(() => import('../features/reviews/report/report-page'), 'ReportPage');
const ReviewsPage = lazyPage(() => import('../features/reviews/reviews-page'), 'ReviewsPage');
const AdminPage = lazyPage(() => import('../features/admin/admin-page'), 'AdminPage');
const AuditPanel = lazyPage(() => import('../features/settings/audit/audit-panel'), 'AuditPanel');
const JiraConnectionsPanel = lazyPage(
  () => import('../features/jira/connections/jira-connections-panel'),
  'JiraConnectionsPanel',
);
const JobsPanel = lazyPage(() => import('../features/settings/jobs/jobs-panel'), 'JobsPanel');
const NotificationSettingsPanel = lazyPage(
  () => import('../features/notifications/settings/notification-settings-panel'),
  'NotificationSettingsPanel',
);
const NotificationPreferencesPage = lazyPage(
  () => import('../features/notifications/preferences/notification-preferences-page'),
  'NotificationPreferencesPage',
);
const MembersPanel = lazyPage(
  () => import('../features/settings/members/members-panel'),
  'MembersPanel',
);
const SettingsPage = lazyPage(() => import('../features/settings/settings-page'), 'SettingsPage');
const TokensPanel = lazyPage(
  () => import('../features/settings/tokens/tokens-panel'),
  'TokensPanel',
);
const TeamPage = lazyPage(() => import('../features/teams/team-page'), 'TeamPage');
const TeamsPage = lazyPage(() => import('../features/teams/teams-page'), 'TeamsPage');

export const routes: RouteObject[] = [
  {
    errorElement: <RouteErrorPage />,
    // The public pages load outside the app shell (and its Suspense): this one waits for them.
    element: <LazyOutlet />,
    children: [
      // Public: everything else needs a signed-in user.
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'invite/:token', element: <AcceptInvitePage /> },
      { path: 'forgot-password', element: <ForgotPasswordPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
      {
        element: <RequireSession />,
        children: [
          { index: true, element: <HomeRedirect /> },
          { path: 'change-password', element: <ForcedPasswordChangePage /> },
          { path: 'enrol-mfa', element: <ForcedMfaEnrolmentPage /> },
          {
            element: <AppLayout />,
            children: [
              { path: 'welcome', element: <FirstWorkspacePage /> },
              { path: 'admin', element: <AdminPage /> },
              { path: 'account', element: <AccountPage /> },
              { path: 'account/notifications', element: <NotificationPreferencesPage /> },
              {
                path: 'w/:workspace',
                element: <WorkspaceRoute />,
                children: [
                  { index: true, element: <AudienceLanding /> },
                  { path: 'portfolio', element: <PortfolioPage /> },
                  { path: 'programs', element: <ProgramsPage /> },
                  { path: 'programs/:id', element: <ProgramPage /> },
                  { path: 'programs/:id/reports/:reportId', element: <ReportPage /> },
                  { path: 'teams', element: <TeamsPage /> },
                  { path: 'teams/:id', element: <TeamPage /> },
                  { path: 'okrs', element: <OkrsPage /> },
                  { path: 'okrs/key-results/:id', element: <KeyResultPage /> },
                  { path: 'metrics', element: <MetricsPage /> },
                  { path: 'metrics/:id', element: <MetricPage /> },
                  { path: 'reviews', element: <ReviewsPage /> },
                  { path: 'explore', element: <ExplorePage /> },
                  { path: 'alerts', element: <AlertsPage /> },
                  { path: 'alerts/rules', element: <RulesPage /> },
                  { path: 'alerts/rules/new', element: <RuleEditorPage /> },
                  { path: 'alerts/rules/:ruleId', element: <RuleEditorPage /> },
                  {
                    path: 'settings',
                    element: <SettingsPage />,
                    children: [
                      { index: true, element: <Navigate to="members" replace /> },
                      { path: 'members', element: <MembersPanel /> },
                      { path: 'tokens', element: <TokensPanel /> },
                      { path: 'audit', element: <AuditPanel /> },
                      { path: 'jobs', element: <JobsPanel /> },
                      { path: 'notifications', element: <NotificationSettingsPanel /> },
                      { path: 'jira', element: <JiraConnectionsPanel /> },
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
