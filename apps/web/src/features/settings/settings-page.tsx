import { EmptyStatePage } from '../../components/empty-state-page';

export function SettingsPage() {
  return (
    <EmptyStatePage
      title="Settings"
      purpose="Workspace members and roles, API tokens, data imports, team calendars and workflows."
      audience="workspace admins"
    />
  );
}
