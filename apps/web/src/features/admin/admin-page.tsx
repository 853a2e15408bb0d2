import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useSignedIn } from '../../app/auth/signed-in-context';
import { EmptyPanel } from '../../components/empty-panel';
import { useDocumentTitle } from '../../components/use-document-title';
import { InstanceAuditPanel } from './instance-audit-panel';
import { InstanceJobsPanel } from './instance-jobs-panel';
import { InstanceSettingsPanel } from './instance-settings-panel';
import { PasswordResetsPanel } from './password-resets-panel';
import { SsoLinksPanel } from './sso-links-panel';
import { UsersPanel } from './users-panel';

const TABS = [
  { value: 'users', label: 'Users' },
  { value: 'settings', label: 'Settings' },
  { value: 'password-resets', label: 'Password resets' },
  { value: 'sso-links', label: 'SSO links' },
  { value: 'audit', label: 'Audit log' },
  { value: 'jobs', label: 'Jobs' },
] as const;

type Tab = (typeof TABS)[number]['value'];

/**
 * `/admin`: instance administration — every account, who may create workspaces, and the audit
 * log of what belongs to no workspace. For instance admins only (the API refuses everyone else).
 */
export function AdminPage() {
  useDocumentTitle('Administration');
  const { user } = useSignedIn();
  const [tab, setTab] = useState<Tab>('users');
  if (!user.instanceAdmin) {
    return (
      <EmptyPanel
        title="Administration"
        description="Only instance administrators can see this page."
      />
    );
  }
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>Administration</Title>
        <Text c="dimmed">
          The accounts of this Bearing instance, who may create workspaces, and a record of sign-ins
          and account changes. Workspace contents stay with their members.
        </Text>
      </Stack>
      <Tabs
        value={tab}
        onChange={(value) => setTab(TABS.find((each) => each.value === value)?.value ?? 'users')}
        keepMounted={false}
      >
        <Tabs.List>
          {TABS.map(({ value, label }) => (
            <Tabs.Tab key={value} value={value}>
              {label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="users" pt="lg">
          <UsersPanel />
        </Tabs.Panel>
        <Tabs.Panel value="settings" pt="lg">
          <InstanceSettingsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="password-resets" pt="lg">
          <PasswordResetsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="sso-links" pt="lg">
          <SsoLinksPanel />
        </Tabs.Panel>
        <Tabs.Panel value="audit" pt="lg">
          <InstanceAuditPanel />
        </Tabs.Panel>
        <Tabs.Panel value="jobs" pt="lg">
          <InstanceJobsPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
