import type { WorkspaceCreation } from '@bearing/contracts';
import { Radio, Stack } from '@mantine/core';
import { useInstanceSettings, useUpdateInstanceSettings } from '../../api/admin';
import { ErrorAlert } from '../../components/error-alert';
import { SectionHeader } from '../settings/section-header';
import { TableSkeleton } from '../settings/table-states';

const CHOICES: { value: WorkspaceCreation; label: string; description: string }[] = [
  {
    value: 'instance-admins',
    label: 'Instance administrators only',
    description: 'Everyone else joins the workspaces they are invited to.',
  },
  {
    value: 'everyone',
    label: 'Everyone who can sign in',
    description: 'Anyone with an account may create a workspace, and becomes its admin.',
  },
];

/** Who may create workspaces; a choice applies at once (and is in the audit log). */
export function InstanceSettingsPanel() {
  const settings = useInstanceSettings();
  const update = useUpdateInstanceSettings();
  return (
    <Stack gap="md">
      <SectionHeader
        title="Workspace creation"
        description="Who may create new workspaces on this instance."
      />
      {settings.isPending ? (
        <TableSkeleton label="Loading the settings" />
      ) : settings.isError ? (
        <ErrorAlert
          title="The settings could not be loaded"
          error={settings.error}
          onRetry={() => void settings.refetch()}
        />
      ) : (
        <Radio.Group
          label="Who may create workspaces"
          value={
            update.isPending ? update.variables.workspaceCreation : settings.data.workspaceCreation
          }
          onChange={(value) => {
            const choice = CHOICES.find((each) => each.value === value);
            if (choice) update.mutate({ workspaceCreation: choice.value });
          }}
        >
          <Stack gap="xs" mt="xs">
            {CHOICES.map((choice) => (
              <Radio
                key={choice.value}
                value={choice.value}
                label={choice.label}
                description={choice.description}
                disabled={update.isPending}
              />
            ))}
          </Stack>
        </Radio.Group>
      )}
      {update.isError && <ErrorAlert title="The setting was not changed" error={update.error} />}
    </Stack>
  );
}
