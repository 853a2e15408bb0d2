import { Badge, Menu, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useLocation } from 'react-router';
import { useSignedIn } from '../../app/auth/signed-in-context';
import type { LoadedMenuProps } from '../../components/deferred-menu';
import { CreateWorkspaceModal } from './create-workspace-modal';
import { ROLE_LABELS } from './roles';
import { useWorkspaceFromPath } from './use-workspace';
import { switchWorkspacePath } from './workspace-path';
import classes from './workspace-switcher.module.css';

/**
 * The workspace switcher's dropdown around its button: the user's workspaces with their role in
 * each. Switching keeps the area (Programs stays Programs); "Create workspace" opens a dialog.
 */
export function WorkspaceMenu({ target, defaultOpened }: LoadedMenuProps) {
  // Who may create workspaces is an instance setting: the item shows only to those allowed.
  const { workspaces, canCreateWorkspaces } = useSignedIn();
  const current = useWorkspaceFromPath();
  const { pathname } = useLocation();
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);

  return (
    <>
      <Menu position="bottom-start" width={280} shadow="md" defaultOpened={defaultOpened}>
        <Menu.Target>{target}</Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Your workspaces</Menu.Label>
          {workspaces.length === 0 && (
            <Text size="sm" c="dimmed" px="sm" py={6}>
              You belong to no workspace yet.
            </Text>
          )}
          {workspaces.map((workspace) => {
            const isCurrent = workspace.id === current?.id;
            return (
              <Menu.Item
                key={workspace.id}
                component={Link}
                to={switchWorkspacePath(pathname, workspace.slug)}
                aria-current={isCurrent ? 'page' : undefined}
                className={isCurrent ? classes.currentItem : undefined}
                rightSection={
                  <Badge size="xs" variant="light" color="gray" tt="none">
                    {ROLE_LABELS[workspace.role]}
                  </Badge>
                }
              >
                <Text size="sm" fw={isCurrent ? 600 : 400} truncate="end">
                  {workspace.name}
                </Text>
                <Text size="xs" c="dimmed" truncate="end">
                  /w/{workspace.slug}
                </Text>
              </Menu.Item>
            );
          })}
          {canCreateWorkspaces && (
            <>
              <Menu.Divider />
              <Menu.Item onClick={openCreate}>Create workspace…</Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      <CreateWorkspaceModal opened={creating} onClose={closeCreate} />
    </>
  );
}
