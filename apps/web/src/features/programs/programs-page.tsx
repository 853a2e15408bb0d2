import type { Program } from '@bearing/contracts';
import { Anchor, Button, Modal, Stack, Table } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { usePrograms } from '../../api/programs';
import { useSignedIn } from '../../app/auth/signed-in-context';
import { workspacePath } from '../../app/layout/navigation-items';
import { EmptyPanel } from '../../components/empty-panel';
import { ErrorAlert } from '../../components/error-alert';
import { formatDay } from '../../components/format';
import { LoadingRows } from '../../components/loading-rows';
import { PageHeader } from '../../components/page-header';
import { useDocumentTitle } from '../../components/use-document-title';
import { canEdit } from '../workspaces/roles';
import { useWorkspace } from '../workspaces/use-workspace';
import { ProgramForm } from './program-form';
import { ProgramHealthBadges, ProgramHealthReasons } from './program-health-summary';

/** `/w/:workspace/programs`: every program with its owner, dates and health with the reason. */
export function ProgramsPage() {
  useDocumentTitle('Programs');
  const workspace = useWorkspace();
  const { user } = useSignedIn();
  const editor = canEdit(workspace.role);
  const navigate = useNavigate();
  const programs = usePrograms(workspace.slug);
  const [creating, setCreating] = useState(false);

  return (
    <Stack gap="lg">
      <PageHeader
        title="Programs"
        description="Every program in this workspace with its owner, dates, health and the reason for it."
        actions={editor && <Button onClick={() => setCreating(true)}>New program</Button>}
      />
      {programs.isPending ? (
        <LoadingRows label="Loading programs" rows={3} height={48} />
      ) : programs.isError ? (
        <ErrorAlert
          title="Programs could not be loaded"
          error={programs.error}
          onRetry={() => void programs.refetch()}
        />
      ) : programs.data.length === 0 ? (
        <EmptyPanel
          title="No programs yet"
          description={
            editor
              ? 'A program groups the teams, objectives and milestones behind one outcome. Create the first one.'
              : 'Once an editor creates a program, it shows here with its health.'
          }
          action={editor && <Button onClick={() => setCreating(true)}>New program</Button>}
        />
      ) : (
        <ProgramsTable workspace={workspace.slug} programs={programs.data} />
      )}
      {editor && (
        <Modal opened={creating} onClose={() => setCreating(false)} title="New program" centered>
          <ProgramForm
            workspace={workspace.slug}
            defaultOwnerId={user.id}
            onSaved={(program) => {
              setCreating(false);
              void navigate(workspacePath(workspace.slug, `programs/${program.id}`));
            }}
            onCancel={() => setCreating(false)}
          />
        </Modal>
      )}
    </Stack>
  );
}

function ProgramsTable({ workspace, programs }: { workspace: string; programs: Program[] }) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Program</Table.Th>
            <Table.Th scope="col">Owner</Table.Th>
            <Table.Th scope="col">Dates</Table.Th>
            <Table.Th scope="col">Health</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {programs.map((program) => (
            <Table.Tr key={program.id}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={workspacePath(workspace, `programs/${program.id}`)}
                  fw={600}
                >
                  {program.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{program.ownerName}</Table.Td>
              <Table.Td>
                {formatDay(program.start)} – {program.end ? formatDay(program.end) : 'open-ended'}
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <ProgramHealthBadges program={program} />
                  <ProgramHealthReasons program={program} compact />
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
