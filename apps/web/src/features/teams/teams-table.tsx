import type { Team } from '@bearing/contracts';
import { Anchor, Code, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { workspacePath } from '../../app/layout/navigation-items';
import { DateTime } from '../../components/date-time';

/**
 * The workspace's teams, by slug. Deliberately no velocity or points column: story points are
 * each team's own scale, so a side-by-side number would invite a ranking that means nothing.
 */
export function TeamsTable({ workspace, teams }: { workspace: string; teams: readonly Team[] }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Team</Table.Th>
            <Table.Th>Slug</Table.Th>
            <Table.Th>Time zone</Table.Th>
            <Table.Th>Workflow</Table.Th>
            <Table.Th>Created</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {teams.map((team) => (
            <Table.Tr key={team.id}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={workspacePath(workspace, `teams/${team.slug}`)}
                  fw={500}
                  size="sm"
                >
                  {team.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Code fz="xs">{team.slug}</Code>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{team.timeZone}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{team.workflow.stages.map((stage) => stage.name).join(' → ')}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  <DateTime value={team.createdAt} dateOnly />
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
