import { Divider, Stack } from '@mantine/core';
import { SectionHeader } from '../../settings/section-header';
import { EmptyTable } from '../../settings/table-states';
import { isAdmin } from '../../workspaces/roles';
import { useWorkspace } from '../../workspaces/use-workspace';
import { ChannelsSection } from './channels-section';
import { DeliveriesSection } from './deliveries-section';

/** `/w/:workspace/settings/notifications` (admins): channels and the delivery log. */
export function NotificationSettingsPanel() {
  const workspace = useWorkspace();
  if (!isAdmin(workspace.role)) {
    return (
      <Stack gap="md">
        <SectionHeader
          title="Notifications"
          description="The workspace's Slack, Teams and email channels and the log of what was sent."
        />
        <EmptyTable>
          Only the admins of {workspace.name} manage its notification channels. Your own
          notifications are set in your notification preferences.
        </EmptyTable>
      </Stack>
    );
  }
  return (
    <Stack gap="xl">
      <ChannelsSection workspace={workspace.slug} />
      <Divider />
      <DeliveriesSection workspace={workspace.slug} />
    </Stack>
  );
}
