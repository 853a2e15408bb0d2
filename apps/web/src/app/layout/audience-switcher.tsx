import type { Audience } from '@bearing/contracts';
import { Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useNavigate } from 'react-router';
import { DeferredTooltip } from '../../components/deferred-tooltip';
import { useWorkspaceFromPath } from '../../features/workspaces/use-workspace';
import { useUpdatePreferences } from '../auth/session';
import { useSignedIn } from '../auth/signed-in-context';
import { audienceOptions, landingSegmentOf } from './audiences';
import { workspacePath } from './navigation-items';

/** What choosing an audience does, in the words the switcher shows: nothing more, nothing less. */
export const AUDIENCE_EFFECT = 'Sets your start page';

export interface AudienceSwitcherProps {
  /**
   * `header`: a compact control, its effect in its name and each option's tooltip. `navbar`: with
   * a visible label and description, full width, for the side menu of smaller screens.
   */
  variant?: 'header' | 'navbar';
}

/**
 * Executive / Stakeholder / Team: saved on the user (so it follows them to any browser) and
 * taking them to that audience's start page in the current workspace. It changes which page the
 * app opens on, not what any page shows.
 */
export function AudienceSwitcher({ variant = 'header' }: AudienceSwitcherProps) {
  const { preferences } = useSignedIn();
  const workspace = useWorkspaceFromPath();
  const update = useUpdatePreferences();
  const navigate = useNavigate();
  const labelId = useId();
  const descriptionId = useId();

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
  const notSaved = update.isError && (
    <Text size="xs" c="red" role="alert">
      Not saved — try again
    </Text>
  );
  const control = (
    <SegmentedControl
      aria-label={variant === 'header' ? `Audience: ${AUDIENCE_EFFECT.toLowerCase()}` : undefined}
      aria-labelledby={variant === 'navbar' ? labelId : undefined}
      aria-describedby={variant === 'navbar' ? descriptionId : undefined}
      size="xs"
      fullWidth={variant === 'navbar'}
      value={shown}
      onChange={choose}
      disabled={update.isPending}
      data={audienceOptions.map((option) => ({
        value: option.value,
        label: (
          <DeferredTooltip label={option.description} openDelay={400}>
            <span>{option.label}</span>
          </DeferredTooltip>
        ),
      }))}
    />
  );
  if (variant === 'navbar') {
    return (
      <Stack gap={4}>
        <Text size="sm" fw={600} id={labelId}>
          Audience
        </Text>
        <Text size="xs" c="dimmed" id={descriptionId}>
          {AUDIENCE_EFFECT}
        </Text>
        {control}
        {notSaved}
      </Stack>
    );
  }
  return (
    <Group gap={6} wrap="nowrap">
      {control}
      {notSaved}
    </Group>
  );
}
