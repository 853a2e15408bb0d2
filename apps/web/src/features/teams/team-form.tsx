import { createTeamRequestSchema, type Team } from '@bearing/contracts';
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useCreateTeam } from '../../api/teams';
import { FormErrorAlert } from '../../components/form-error-alert';
import { blankFieldErrors } from '../../components/required-fields';
import { contractRequest, useContractForm } from '../../components/use-contract-form';
import { slugFromName } from '../workspaces/slug-from-name';
import { TimeZoneSelect } from './time-zone-select';

const FIELDS = ['name', 'slug', 'timeZone'] as const;

/** The browser's own zone as a starting point: most teams sit where their manager does. */
function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

// A type, not an interface: `blankFieldErrors` reads it as a record of strings.
type TeamValues = { name: string; slug: string; timeZone: string };

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
  const [slugEdited, setSlugEdited] = useState(false);
  const form = useContractForm<TeamValues>({
    initialValues: () => ({ name: '', slug: '', timeZone: browserTimeZone() }),
    request: contractRequest(
      createTeamRequestSchema,
      (values: TeamValues) => values,
      async (body) => onCreated(await createTeam.mutateAsync(body)),
    ),
    validate: ({ name, slug }) =>
      blankFieldErrors({ name, slug }, { name: 'Enter a name', slug: 'Enter a slug' }),
    conflictErrors: (_conflict, { slug }) => ({
      slug: `A team with the slug “${slug}” exists already`,
    }),
  });
  const { values, setValue, errorAt } = form;
  const { name, slug, timeZone } = values;

  return (
    <form onSubmit={form.submit} noValidate>
      <Stack gap="md">
        {!form.stale && (
          <FormErrorAlert error={form.error} fields={FIELDS} title="Team not created" />
        )}
        <TextInput
          label="Name"
          placeholder="e.g. Payments"
          required
          data-autofocus
          value={name}
          onChange={(event) => {
            const next = event.currentTarget.value;
            setValue('name', next);
            if (!slugEdited) setValue('slug', slugFromName(next));
          }}
          error={errorAt('name')}
        />
        <TextInput
          label="Slug"
          description="Part of the team's address; lowercase letters, digits and dashes."
          required
          value={slug}
          onChange={(event) => {
            setValue('slug', event.currentTarget.value);
            setSlugEdited(true);
          }}
          error={errorAt('slug')}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
        <TimeZoneSelect
          value={timeZone}
          onChange={(zone) => setValue('timeZone', zone)}
          error={errorAt('timeZone')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            Create team
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
