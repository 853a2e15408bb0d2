import type { Team } from '@bearing/contracts';
import { Divider, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { teamKeys } from '../../../api/teams';
import { MembersSection } from './members-section';
import { TeamSettingsForm } from './team-settings-form';

export interface TeamSettingsTabProps {
  workspace: string;
  team: Team;
  editor: boolean;
}

/** Members (each saved on its own) and the team's settings (saved together, with its version). */
export function TeamSettingsTab({ workspace, team, editor }: TeamSettingsTabProps) {
  const queryClient = useQueryClient();
  // Bumped after a reload so the form refills from the fresh team.
  const [generation, setGeneration] = useState(0);

  const reload = async () => {
    await queryClient.refetchQueries({ queryKey: teamKeys.all(workspace) });
    setGeneration((current) => current + 1);
  };

  return (
    <Stack gap="xl">
      <MembersSection workspace={workspace} teamId={team.id} editor={editor} />
      <Divider />
      <TeamSettingsForm
        key={`${team.id}:${generation}`}
        workspace={workspace}
        team={team}
        editor={editor}
        onReload={() => void reload()}
      />
    </Stack>
  );
}
