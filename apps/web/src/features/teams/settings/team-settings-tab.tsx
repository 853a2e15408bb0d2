import type { Team } from '@bearing/contracts';
import { Divider, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { teamKeys } from '../../../api/teams';
import { isAdmin } from '../../workspaces/roles';
import { useWorkspace } from '../../workspaces/use-workspace';
import { DeleteTeamSection } from './delete-team-section';
import { MembersSection } from './members-section';
import { TeamSettingsForm } from './team-settings-form';

export interface TeamSettingsTabProps {
  workspace: string;
  team: Team;
  editor: boolean;
}

/**
 * Members (each saved on its own), the team's settings (saved together, with its version) and,
 * for admins, deleting the team.
 */
export function TeamSettingsTab({ workspace, team, editor }: TeamSettingsTabProps) {
  const queryClient = useQueryClient();
  const admin = isAdmin(useWorkspace().role);
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
      {admin && <DeleteTeamSection workspace={workspace} team={team} />}
    </Stack>
  );
}
