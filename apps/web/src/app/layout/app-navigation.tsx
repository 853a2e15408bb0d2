import { NavLink, Stack } from '@mantine/core';
import { Link, matchPath, useLocation } from 'react-router';
import { navigationItems, workspacePath } from './navigation-items';

export interface AppNavigationProps {
  workspace: string;
  /** Called after a link is followed, e.g. to close the mobile menu. */
  onNavigate?: () => void;
}

/** The workspace sidebar; the current area is highlighted and marked `aria-current="page"`. */
export function AppNavigation({ workspace, onNavigate }: AppNavigationProps) {
  const { pathname } = useLocation();
  return (
    <Stack gap={4}>
      {navigationItems.map((item) => {
        const to = workspacePath(workspace, item.segment);
        // Each area stays active on its detail pages (`/programs/:id`).
        const active = matchPath({ path: to, end: false }, pathname) !== null;
        return (
          <NavLink
            key={item.segment}
            component={Link}
            to={to}
            label={item.label}
            active={active}
            aria-current={active ? 'page' : undefined}
            onClick={onNavigate}
          />
        );
      })}
    </Stack>
  );
}
