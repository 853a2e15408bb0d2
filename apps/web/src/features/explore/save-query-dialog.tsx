import type { SavedQuery } from '@bearing/contracts';
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/api-error';
import { useSaveQuery } from '../../api/saved-queries';
import { QueryErrors } from './query-errors';

export interface SaveQueryDialogProps {
  workspace: string;
  /** The text to save. */
  query: string;
  /**
   * The saved query the text was opened from, as it was loaded: saving under its name replaces
   * it, unless someone saved it since (its `version` is sent, and the API refuses a stale one).
   */
  current: SavedQuery | null;
  onSaved: (saved: SavedQuery) => void;
  onClose: () => void;
}

/**
 * "Save query" (editors): asks for a name. Under the name of the saved query it was opened
 * from, the text replaces that one's — only if nobody saved that one since it was opened; else
 * nothing is saved and the dialog says so. Under another name it is saved as a new query. The
 * API checks the query first and names its mistakes, as running it would.
 */
export function SaveQueryDialog({
  workspace,
  query,
  current,
  onSaved,
  onClose,
}: SaveQueryDialogProps) {
  const [name, setName] = useState(current?.name ?? '');
  const save = useSaveQuery(workspace);
  const replaces = current !== null && name.trim() === current.name;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return;
    const input = { name: name.trim(), query };
    save.mutate(replaces ? { ...input, id: current.id, version: current.version } : input, {
      onSuccess: onSaved,
    });
  };
  const stale = save.error instanceof ApiError && save.error.kind === 'stale-version';
  return (
    <Modal opened onClose={onClose} title="Save query" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label="Name"
            description="How the query is listed under Saved queries."
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            maxLength={200}
            required
            data-autofocus
          />
          {replaces && (
            <Text size="sm" c="dimmed">
              {`Saving under this name replaces the saved “${current.name}”; another name saves a new query.`}
            </Text>
          )}
          {stale && current ? (
            <Alert color="red" title="Not saved: the saved query changed meanwhile" role="alert">
              {`Someone saved “${current.name}” since you opened it, so your text did not replace theirs. Save under another name to keep yours as a new query, or copy your text and open “${current.name}” again from Saved queries to start from the latest version.`}
            </Alert>
          ) : (
            save.isError && <QueryErrors error={save.error} title="The query was not saved" />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending} disabled={name.trim() === ''}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
