import { Text, UnstyledButton } from '@mantine/core';
import { lazy } from 'react';
import { DeferredMenu } from '../../components/deferred-menu';
import { useWorkspaceFromPath } from './use-workspace';
import classes from './workspace-switcher.module.css';

const WorkspaceMenu = lazy(async () => ({
  default: (await import('./workspace-menu')).WorkspaceMenu,
}));

/**
 * The header's workspace picker: its button names the current workspace; the menu (the user's
 * workspaces, "Create workspace") loads after the page — see DeferredMenu.
 */
export function WorkspaceSwitcher() {
  const current = useWorkspaceFromPath();
  return (
    <DeferredMenu
      target={
        // Named by what it shows ("Workspace Acme"), as speech input users say it.
        <UnstyledButton className={classes.target}>
          <Text size="xs" c="dimmed" lh={1.1}>
            Workspace
          </Text>
          <Text size="sm" fw={600} lh={1.3} truncate="end" maw={{ base: 110, sm: 220 }}>
            {current ? current.name : 'Choose a workspace'}{' '}
            <span aria-hidden="true" className={classes.chevron}>
              ▾
            </span>
          </Text>
        </UnstyledButton>
      }
    >
      {(menu) => <WorkspaceMenu {...menu} />}
    </DeferredMenu>
  );
}
