import { createWorkspaceRequestSchema, type Workspace } from '@bearing/contracts';
import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ApiError, describeError } from '../../api/api-error';
import { useCreateWorkspace } from '../../api/workspaces';
import { contractRequest, useContractForm } from '../../components/use-contract-form';
import { slugFromName } from './slug-from-name';

export interface CreateWorkspaceFormProps {
  onCreated: (workspace: Workspace) => void;
  onCancel?: () => void;
}

/** Name and slug of a new workspace; the slug follows the name until edited by hand. */
export function CreateWorkspaceForm({ onCreated, onCancel }: CreateWorkspaceFormProps) {
  const createWorkspace = useCreateWorkspace();
  const [slugEdited, setSlugEdited] = useState(false);
  const form = useContractForm({
    initialValues: { name: '', slug: '' },
    request: contractRequest(
      createWorkspaceRequestSchema,
      (values: { name: string; slug: string }) => values,
      async (body) => onCreated(await createWorkspace.mutateAsync(body)),
    ),
    conflictErrors: (error) => ({ slug: error.detail }),
  });
  const { values, setValue, errorAt } = form;
  const { name, slug } = values;

  const changeName = (value: string) => {
    setValue('name', value);
    if (!slugEdited) setValue('slug', slugFromName(value));
  };

  const error = form.error;
  const unexplained =
    error !== null && !(error instanceof ApiError && [400, 409].includes(error.status));
  return (
    <form onSubmit={form.submit} noValidate>
      <Stack gap="md">
        {unexplained && (
          <Alert color="red" title="Workspace not created" role="alert">
            {describeError(error)}
          </Alert>
        )}
        <TextInput
          label="Name"
          description="What people see, e.g. the company or department."
          required
          data-autofocus
          value={name}
          onChange={(event) => changeName(event.currentTarget.value)}
          error={errorAt('name') && 'Enter a name of up to 200 characters.'}
        />
        <TextInput
          label="Slug"
          description={`In links: /w/${slug || 'slug'}. Lowercase letters, digits and hyphens.`}
          required
          value={slug}
          onChange={(event) => {
            setSlugEdited(true);
            setValue('slug', event.currentTarget.value);
          }}
          error={errorAt('slug')}
          autoCapitalize="none"
          spellCheck={false}
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={form.submitting}>
            Create workspace
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
