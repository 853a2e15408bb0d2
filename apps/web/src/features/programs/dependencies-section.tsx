import type { DependencyPartyRef, ProgramDependency } from '@bearing/contracts';
import { Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useProgramDependencies } from '../../api/program-dependencies';
import { ErrorAlert } from '../../components/error-alert';
import { formatDay } from '../../components/format';
import { LoadingRows } from '../../components/loading-rows';
import { StatusBadge } from '../../components/status-badge';
import { DEPENDENCY_STATUS_LABELS, OVERDUE_STYLE } from './program-labels';

// The dialog's form (and its date and select inputs) loads when the dialog first opens.
const DependencyForm = lazy(async () => ({
  default: (await import('./dependency-form')).DependencyForm,
}));

type Dialog = { kind: 'new' } | { kind: 'edit'; dependency: ProgramDependency };

export interface DependenciesSectionProps {
  workspace: string;
  programId: string;
  editor: boolean;
}

function partyName(party: DependencyPartyRef): string {
  return `${party.name ?? 'Unknown'} (${party.kind})`;
}

/** Who needs what from whom by when; the API flags the overdue ones. */
export function DependenciesSection({ workspace, programId, editor }: DependenciesSectionProps) {
  const dependencies = useProgramDependencies(workspace, programId);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="dependencies-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="dependencies-title">
            Dependencies
          </Title>
          {editor && (
            <Button size="xs" onClick={() => setDialog({ kind: 'new' })} data-print="hide">
              Add dependency
            </Button>
          )}
        </Group>
        {dependencies.isPending ? (
          <LoadingRows label="Loading dependencies" rows={2} height={32} />
        ) : dependencies.isError ? (
          <ErrorAlert
            title="Dependencies could not be loaded"
            error={dependencies.error}
            onRetry={() => void dependencies.refetch()}
          />
        ) : dependencies.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            No dependencies recorded.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={680}>
            <Table aria-label="Dependencies">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">From → to</Table.Th>
                  <Table.Th scope="col">What</Table.Th>
                  <Table.Th scope="col">Need by</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  {editor && <Table.Th scope="col">Actions</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {dependencies.data.map((dependency) => (
                  <Table.Tr key={dependency.id}>
                    <Table.Td>
                      {partyName(dependency.from)} → {partyName(dependency.to)}
                    </Table.Td>
                    <Table.Td>{dependency.description}</Table.Td>
                    <Table.Td>{formatDay(dependency.needBy)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs">
                        <Text size="sm">{DEPENDENCY_STATUS_LABELS[dependency.status]}</Text>
                        {dependency.overdue && <StatusBadge status={OVERDUE_STYLE} size="xs" />}
                      </Group>
                    </Table.Td>
                    {editor && (
                      <Table.Td>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          onClick={() => setDialog({ kind: 'edit', dependency })}
                          aria-label={`Edit dependency: ${dependency.description}`}
                        >
                          Edit
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <Modal
        opened={dialog !== null}
        onClose={close}
        title={dialog?.kind === 'edit' ? 'Edit dependency' : 'New dependency'}
        size="lg"
        centered
      >
        {dialog && (
          <Suspense fallback={<LoadingRows label="Loading the form" rows={3} height={36} />}>
            <DependencyForm
              workspace={workspace}
              programId={programId}
              dependency={dialog.kind === 'edit' ? dialog.dependency : undefined}
              onSaved={close}
              onCancel={close}
            />
          </Suspense>
        )}
      </Modal>
    </Paper>
  );
}
