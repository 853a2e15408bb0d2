import { Stack, Tabs, Text, Title } from '@mantine/core';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { workspacePath } from '../../app/layout/navigation-items';
import { useDocumentTitle } from '../../components/use-document-title';
import { isAdmin } from '../workspaces/roles';
import { useWorkspace } from '../workspaces/use-workspace';

interface SettingsTab {
  /** The sub-route below `/w/:workspace/settings`. */
  segment: string;
  label: string;
  adminOnly: boolean;
}

const SETTINGS_TABS: readonly SettingsTab[] = [
  { segment: 'members', label: 'Members', adminOnly: false },
  { segment: 'tokens', label: 'API tokens', adminOnly: false },
  { segment: 'audit', label: 'Audit log', adminOnly: true },
  { segment: 'jobs', label: 'Jobs', adminOnly: true },
  { segment: 'notifications', label: 'Notifications', adminOnly: true },
  { segment: 'jira', label: 'Jira connections', adminOnly: false },
];

/**
 * `/w/:workspace/settings/<tab>`: members, API tokens and (for admins) the audit log and the
 * background jobs.
 */
export function SettingsPage() {
  const workspace = useWorkspace();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = pathname.split('/')[4] ?? '';
  const tabs = SETTINGS_TABS.filter((tab) => !tab.adminOnly || isAdmin(workspace.role));
  const activeTab = tabs.find((tab) => tab.segment === active);
  useDocumentTitle(activeTab ? `${activeTab.label} · Settings` : 'Settings');

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>Settings</Title>
        <Text c="dimmed">
          Who has access to {workspace.name}, the API tokens that scripts use, and a record of every
          change.
        </Text>
      </Stack>
      <Tabs
        value={activeTab ? active : null}
        onChange={(segment) =>
          segment && void navigate(workspacePath(workspace.slug, `settings/${segment}`))
        }
        keepMounted={false}
      >
        <Tabs.List>
          {tabs.map((tab) => (
            <Tabs.Tab key={tab.segment} value={tab.segment}>
              {tab.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((tab) => (
          <Tabs.Panel key={tab.segment} value={tab.segment} pt="lg">
            {tab.segment === active && <Outlet />}
          </Tabs.Panel>
        ))}
      </Tabs>
      {!activeTab && <Outlet />}
    </Stack>
  );
}
