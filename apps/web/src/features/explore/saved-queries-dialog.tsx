import type { SavedQuery } from '@bearing/contracts';
import { Anchor, Button, Modal, ScrollArea, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useDeleteSavedQuery, useSavedQueries } from '../../api/saved-queries';
import { ConfirmModal } from '../../components/confirm-modal';
import { DateTime } from '../../components/date-time';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingRows } from '../../components/loading-rows';

export interface SavedQueriesDialogProps {
  workspace: string;
  /** Editors may delete saved queries; every member may open them. */
  editor: boolean;
  onOpen: (saved: SavedQuery) => void;
  onDeleted: (id: string) => void;
  onClose: () => void;
}

const firstLine = (query: string) => query.split('\n', 1)[0] ?? '';

/** "Saved queries": the workspace's saved queries, newest change first; open one into the editor. */
export function SavedQueriesDialog({
  workspace,
  editor,
  onOpen,
  onDeleted,
  onClose,
}: SavedQueriesDialogProps) {
  const saved = useSavedQueries(workspace);
  const remove = useDeleteSavedQuery(workspace);
  const [deleting, setDeleting] = useState<SavedQuery | null>(null);
  const items = [...(saved.data?.items ?? [])].sort((a, b) =>
    b.updatedAt.localeCompare(a.updatedAt),
  );

  return (
    <>
      <Modal opened={deleting === null} onClose={onClose} title="Saved queries" size="lg" centered>
        {saved.isPending ? (
          <LoadingRows label="Loading the saved queries" rows={3} height={36} />
        ) : saved.isError ? (
          <ErrorAlert
            title="The saved queries could not be loaded"
            error={saved.error}
            onRetry={() => void saved.refetch()}
          />
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {editor
              ? 'No saved queries yet. Write a query and choose Save query to keep it here.'
              : 'No saved queries yet. Editors of this workspace can save queries here.'}
          </Text>
        ) : (
          <ScrollArea type="auto">
            <Table fz="sm" aria-label="Saved queries" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Updated</Table.Th>
                  {editor && (
                    <Table.Th scope="col">
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td>
                      <Anchor
                        component="button"
                        type="button"
                        fw={600}
                        onClick={() => onOpen(item)}
                      >
                        {item.name}
                      </Anchor>
                      <Text size="xs" c="dimmed" ff="monospace" lineClamp={1}>
                        {firstLine(item.query)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <DateTime value={item.updatedAt} />
                    </Table.Td>
                    {editor && (
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          aria-label={`Delete ${item.name}`}
                          onClick={() => setDeleting(item)}
                        >
                          Delete
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
      </Modal>
      <ConfirmModal
        opened={deleting !== null}
        title="Delete the saved query?"
        confirmLabel="Delete"
        pending={remove.isPending}
        error={remove.error}
        onClose={() => {
          remove.reset();
          setDeleting(null);
        }}
        onConfirm={() => {
          if (!deleting) return;
          remove.mutate(deleting.id, {
            onSuccess: () => {
              onDeleted(deleting.id);
              setDeleting(null);
            },
          });
        }}
      >
        {`“${deleting?.name ?? ''}” is deleted for everyone in this workspace. Alert rules made from it keep their own copy of the query.`}
      </ConfirmModal>
    </>
  );
}
