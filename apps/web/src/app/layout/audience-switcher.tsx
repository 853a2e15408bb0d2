import type { Audience } from '@bearing/contracts';
import { Group, SegmentedControl, Text, Tooltip } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useWorkspaceFromPath } from '../../features/workspaces/use-workspace';
import { useUpdatePreferences } from '../auth/session';
import { useSignedIn } from '../auth/signed-in-context';
import { audienceOptions, landingSegmentOf } from './audiences';
import { workspacePath } from './navigation-items';

/**
 * Executive / Stakeholder / Team: saved on the user (so it follows them to any browser) and
 * taking them to that audience's landing page in the current workspace.
 */
export function AudienceSwitcher() {
  const { preferences } = useSignedIn();
  const workspace = useWorkspaceFromPath();
  const update = useUpdatePreferences();
  const navigate = useNavigate();

  const choose = (value: string) => {
    const audience = value as Audience;
    update.mutate(
      { audience },
      {
        onSuccess: () => {
          if (workspace) void navigate(workspacePath(workspace.slug, landingSegmentOf(audience)));
        },
      },
    );
  };

  const shown = update.isPending ? update.variables.audience : preferences.audience;
  return (
    <Group gap={6} wrap="nowrap">
      <SegmentedControl
        aria-label="Audience"
        size="xs"
        value={shown}
        onChange={choose}
        disabled={update.isPending}
        data={audienceOptions.map((option) => ({
          value: option.value,
          label: (
            <Tooltip label={option.description} openDelay={400}>
              <span>{option.label}</span>
            </Tooltip>
          ),
        }))}
      />
      {update.isError && (
        <Text size="xs" c="red.8" role="alert">
          Not saved — try again
        </Text>
      )}
    </Group>
  );
}
