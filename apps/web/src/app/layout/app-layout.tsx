import { Anchor, AppShell, Badge, Box, Burger, Group, useMantineTheme } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { type MouseEvent, Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import { InvitationsBanner } from '../../features/invitations/invitations-banner';
import { NotificationBell } from '../../features/notifications/bell/notification-bell';
import { useWorkspaceFromPath } from '../../features/workspaces/use-workspace';
import { WorkspaceSwitcher } from '../../features/workspaces/workspace-switcher';
import { useSignedIn } from '../auth/signed-in-context';
import { webAppVersion } from '../build-info';
import { AppNavigation } from './app-navigation';
import { AudienceSwitcher } from './audience-switcher';
import { PageSkeleton } from './page-skeleton';
import classes from './app-layout.module.css';
import { workspacePath } from './navigation-items';
import { ReadinessIndicator } from './readiness-indicator';
import { ServerVersion } from './server-version';
import { UserMenu } from './user-menu';

const MAIN_CONTENT_ID = 'main-content';

/** Moves focus to the page content without adding a `#fragment` to the router's URL. */
function focusMainContent(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  document.getElementById(MAIN_CONTENT_ID)?.focus();
}

/**
 * Header (workspace switcher, readiness, notifications, account), the workspace sidebar, the
 * routed page and a footer with the running versions. Outside a workspace the sidebar is left out.
 */
export function AppLayout() {
  const workspace = useWorkspaceFromPath();
  const { user } = useSignedIn();
  const [navbarOpened, { toggle: toggleNavbar, close: closeNavbar }] = useDisclosure(false);
  const { breakpoints } = useMantineTheme();
  // One audience switcher at a time (it is a radio group with one name): in the header from md
  // up, else in the side menu.
  const headerHasRoom = useMediaQuery(`(min-width: ${breakpoints.md})`) ?? false;

  return (
    <AppShell
      padding="lg"
      header={{ height: 60 }}
      footer={{ height: 32 }}
      navbar={{
        width: 220,
        breakpoint: 'sm',
        collapsed: { mobile: !navbarOpened, desktop: !workspace },
      }}
    >
      <a className={classes.skipLink} href={`#${MAIN_CONTENT_ID}`} onClick={focusMainContent}>
        Skip to content
      </a>
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            {workspace && (
              <Burger
                opened={navbarOpened}
                onClick={toggleNavbar}
                hiddenFrom="sm"
                size="sm"
                aria-label={navbarOpened ? 'Close navigation' : 'Open navigation'}
              />
            )}
            <Link
              to={workspace ? workspacePath(workspace.slug, '') : '/'}
              className={classes.brand}
            >
              Bearing
            </Link>
            <Badge
              variant="outline"
              color="gray"
              tt="none"
              visibleFrom="sm"
              title={`Bearing web app version ${webAppVersion}`}
            >
              v{webAppVersion}
            </Badge>
            <div className={classes.divider} aria-hidden="true" />
            <WorkspaceSwitcher />
          </Group>
          <Group gap="md" wrap="nowrap" style={{ flexShrink: 0 }}>
            {workspace && headerHasRoom && <AudienceSwitcher />}
            <ReadinessIndicator />
            {user.instanceAdmin && (
              <Anchor component={Link} to="/admin" size="sm" visibleFrom="sm">
                Administration
              </Anchor>
            )}
            <NotificationBell />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      {workspace && (
        <AppShell.Navbar p="sm" aria-label="Workspace">
          <AppNavigation workspace={workspace.slug} onNavigate={closeNavbar} />
          {/* Below md the header has no room for it: the side menu (a drawer on phones) has. */}
          {!headerHasRoom && (
            <Box mt="lg">
              <AudienceSwitcher variant="navbar" />
            </Box>
          )}
        </AppShell.Navbar>
      )}
      <AppShell.Main id={MAIN_CONTENT_ID} tabIndex={-1}>
        <InvitationsBanner />
        <Suspense fallback={<PageSkeleton />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
      <AppShell.Footer px="md">
        <Group h="100%" align="center">
          <ServerVersion />
        </Group>
      </AppShell.Footer>
    </AppShell>
  );
}
