import { AppShell, Badge, Burger, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { MouseEvent } from 'react';
import { Link, Outlet, useParams } from 'react-router';
import { DEFAULT_WORKSPACE, webAppVersion } from '../build-info';
import { AppNavigation } from './app-navigation';
import classes from './app-layout.module.css';
import { workspacePath } from './navigation-items';
import { ReadinessIndicator } from './readiness-indicator';
import { ServerVersion } from './server-version';

const MAIN_CONTENT_ID = 'main-content';

/** Moves focus to the page content without adding a `#fragment` to the router's URL. */
function focusMainContent(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  document.getElementById(MAIN_CONTENT_ID)?.focus();
}

/** Header, workspace sidebar, the routed page and a footer with the running versions. */
export function AppLayout() {
  const { workspace = DEFAULT_WORKSPACE } = useParams();
  const [navbarOpened, { toggle: toggleNavbar, close: closeNavbar }] = useDisclosure(false);

  return (
    <AppShell
      padding="lg"
      header={{ height: 56 }}
      footer={{ height: 32 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navbarOpened } }}
    >
      <a className={classes.skipLink} href={`#${MAIN_CONTENT_ID}`} onClick={focusMainContent}>
        Skip to content
      </a>
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navbarOpened}
              onClick={toggleNavbar}
              hiddenFrom="sm"
              size="sm"
              aria-label={navbarOpened ? 'Close navigation' : 'Open navigation'}
            />
            <Link to={workspacePath(workspace, '')} className={classes.brand}>
              Bearing
            </Link>
            <Badge
              variant="outline"
              color="gray"
              tt="none"
              title={`Bearing web app version ${webAppVersion}`}
            >
              v{webAppVersion}
            </Badge>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" c="dimmed" visibleFrom="sm">
              Workspace: {workspace}
            </Text>
            <ReadinessIndicator />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Workspace">
        <AppNavigation workspace={workspace} onNavigate={closeNavbar} />
      </AppShell.Navbar>
      <AppShell.Main id={MAIN_CONTENT_ID} tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
      <AppShell.Footer px="md">
        <Group h="100%" align="center">
          <ServerVersion />
        </Group>
      </AppShell.Footer>
    </AppShell>
  );
}
