import { Avatar, Group, Text, UnstyledButton } from '@mantine/core';
import { lazy } from 'react';
import { DeferredMenu } from '../../components/deferred-menu';
import { useSignedIn } from '../auth/signed-in-context';

const AccountMenu = lazy(async () => ({
  default: (await import('./account-menu')).AccountMenu,
}));

/** Who is signed in, and "Sign out" (the menu itself loads after the page: see DeferredMenu). */
export function UserMenu() {
  const { user } = useSignedIn();
  return (
    <DeferredMenu
      target={
        // The name holds the words shown (the person's name, from md up), so the avatar is a
        // picture rather than initials that the name would not contain.
        <UnstyledButton aria-label={`Account: ${user.displayName}`}>
          <Group gap={8} wrap="nowrap">
            <Avatar size={32} radius="xl" color="indigo" variant="light" alt="" />
            <Text size="sm" fw={500} visibleFrom="md" truncate="end" maw={160}>
              {user.displayName}
            </Text>
          </Group>
        </UnstyledButton>
      }
    >
      {(menu) => <AccountMenu {...menu} />}
    </DeferredMenu>
  );
}
