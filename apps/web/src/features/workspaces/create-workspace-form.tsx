import { createWorkspaceRequestSchema, type Workspace } from '@bearing/contracts';
import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError, describeError } from '../../api/api-error';
import { useCreateWorkspace } from '../../api/workspaces';
import {
  fieldErrorsFromIssues,
  fieldErrorsFromProblem,
  type FieldErrors,
} from '../../components/field-errors';
import { slugFromName } from './slug-from-name';

export interface CreateWorkspaceFormProps {
  onCreated: (workspace: Workspace) => void;
  onCancel?: () => void;
}

/** Name and slug of a new workspace; the slug follows the name until edited by hand. */
export function CreateWorkspaceForm({ onCreated, onCancel }: CreateWorkspaceFormProps) {
  const createWorkspace = useCreateWorkspace();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const changeName = (value: string) => {
    setName(value);
    if (!slugEdited) setSlug(slugFromName(value));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = createWorkspaceRequestSchema.safeParse({ name, slug });
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    setFieldErrors({});
    createWorkspace.mutate(parsed.data, {
      onSuccess: onCreated,
      onError: (error) =>
        setFieldErrors(
          error instanceof ApiError && error.status === 409
            ? { slug: error.detail }
            : fieldErrorsFromProblem(error),
        ),
    });
  };

  const error = createWorkspace.error;
  const unexplained =
    error !== null && !(error instanceof ApiError && [400, 409].includes(error.status));
  return (
    <form onSubmit={submit} noValidate>
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
          error={fieldErrors.name && 'Enter a name of up to 200 characters.'}
        />
        <TextInput
          label="Slug"
          description={`In links: /w/${slug || 'slug'}. Lowercase letters, digits and hyphens.`}
          required
          value={slug}
          onChange={(event) => {
            setSlugEdited(true);
            setSlug(event.currentTarget.value);
          }}
          error={fieldErrors.slug}
          autoCapitalize="none"
          spellCheck={false}
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={createWorkspace.isPending}>
            Create workspace
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
