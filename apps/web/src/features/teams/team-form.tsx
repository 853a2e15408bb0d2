import { createTeamRequestSchema, type Team } from '@bearing/contracts';
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/api-error';
import { useCreateTeam } from '../../api/teams';
import {
  type FieldErrors,
  fieldErrorsFromIssues,
  fieldErrorsFromProblem,
} from '../../components/field-errors';
import { FormErrorAlert } from '../../components/form-error-alert';
import { blankFieldErrors } from '../../components/required-fields';
import { slugFromName } from '../workspaces/slug-from-name';
import { TimeZoneSelect } from './time-zone-select';

const FIELDS = ['name', 'slug', 'timeZone'] as const;

/** The browser's own zone as a starting point: most teams sit where their manager does. */
function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export interface TeamFormProps {
  workspace: string;
  onCreated: (team: Team) => void;
  onCancel: () => void;
}

/**
 * A new team: name, slug (suggested from the name until edited) and time zone. Its calendar
 * and workflow start from the API's defaults and are changed in the team's settings.
 */
export function TeamForm({ workspace, onCreated, onCancel }: TeamFormProps) {
  const createTeam = useCreateTeam(workspace);
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const blank = blankFieldErrors({ name, slug }, { name: 'Enter a name', slug: 'Enter a slug' });
    const parsed = createTeamRequestSchema.safeParse({ name, slug, timeZone });
    if (!parsed.success) {
      setFieldErrors({ ...fieldErrorsFromIssues(parsed.error.issues), ...blank });
      return;
    }
    setFieldErrors({});
    createTeam.mutate(parsed.data, {
      onSuccess: onCreated,
      onError: (error) =>
        setFieldErrors(
          error instanceof ApiError && error.status === 409
            ? { slug: `A team with the slug “${slug}” exists already` }
            : fieldErrorsFromProblem(error),
        ),
    });
  };

  const error = createTeam.error;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {!(error instanceof ApiError && error.status === 409) && (
          <FormErrorAlert error={error} fields={FIELDS} title="Team not created" />
        )}
        <TextInput
          label="Name"
          placeholder="e.g. Payments"
          required
          data-autofocus
          value={name}
          onChange={(event) => {
            const next = event.currentTarget.value;
            setName(next);
            if (!slugEdited) setSlug(slugFromName(next));
          }}
          error={fieldErrors.name}
        />
        <TextInput
          label="Slug"
          description="Part of the team's address; lowercase letters, digits and dashes."
          required
          value={slug}
          onChange={(event) => {
            setSlug(event.currentTarget.value);
            setSlugEdited(true);
          }}
          error={fieldErrors.slug}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
        <TimeZoneSelect value={timeZone} onChange={setTimeZone} error={fieldErrors.timeZone} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={createTeam.isPending}>
            Create team
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
