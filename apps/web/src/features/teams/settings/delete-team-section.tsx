import type { Team } from '@bearing/contracts';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useDeleteTeam } from '../../../api/teams';
import { workspacePath } from '../../../app/layout/navigation-items';
import { ConfirmModal } from '../../../components/confirm-modal';

export interface DeleteTeamSectionProps {
  workspace: string;
  team: Team;
}

/** The danger zone (admins): deleting the team with everything recorded for it. */
export function DeleteTeamSection({ workspace, team }: DeleteTeamSectionProps) {
  const remove = useDeleteTeam(workspace);
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="danger-zone-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="danger-zone-title" c="red">
          Danger zone
        </Title>
        <Group justify="space-between" align="center" wrap="wrap" gap="sm">
          <Text size="sm" maw={640}>
            Delete this team, for one created by mistake or retired. Its members, sprints, work
            items and their history, imports and Jira source go with it. It cannot be undone.
          </Text>
          <Button
            color="red"
            variant="outline"
            onClick={() => {
              remove.reset();
              setConfirming(true);
            }}
          >
            Delete team
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={confirming}
        title={`Delete ${team.name}?`}
        confirmLabel="Delete team"
        pending={remove.isPending}
        error={remove.error}
        errorTitle="Team not deleted"
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          remove.mutate(team.id, {
            onSuccess: () => void navigate(workspacePath(workspace, 'teams')),
          })
        }
      >
        <Stack gap="xs">
          <Text size="sm">Deleting {team.name} also deletes, for good:</Text>
          <Text size="sm" component="ul" my={0}>
            <li>its members and their availability in every sprint;</li>
            <li>its sprints, and its work items with their whole history;</li>
            <li>its import history and its Jira source with its syncs;</li>
            <li>every delivery number of the team: throughput, cycle times, forecasts.</li>
          </Text>
          <Text size="sm">
            Programs that list the team no longer do, and queries and alert rules over its work
            items find none. This cannot be undone. A team an open program dependency names is kept
            until that dependency is delivered, cancelled or given another party.
          </Text>
        </Stack>
      </ConfirmModal>
    </Paper>
  );
}
