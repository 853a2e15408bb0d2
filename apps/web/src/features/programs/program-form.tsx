import {
  createProgramRequestSchema,
  type Member,
  type Program,
  type ProgramHealth,
  programHealthSchema,
  updateProgramRequestSchema,
} from '@bearing/contracts';
import {
  Alert,
  Button,
  Group,
  MultiSelect,
  NativeSelect,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useGuardrails } from '../../api/guardrails';
import { useMembers } from '../../api/members';
import { useObjectives } from '../../api/okrs';
import { useCreateProgram, useTeamOptions, useUpdateProgram } from '../../api/programs';
import { FormErrorAlert } from '../../components/form-error-alert';
import { todayUtc } from '../../components/format';
import { blankFieldErrors } from '../../components/required-fields';
import { contractRequest, useContractForm } from '../../components/use-contract-form';
import { HEALTH_OPTIONS } from './program-labels';
import { DayInput } from '../../components/day-input';

const FIELDS = [
  'name',
  'description',
  'ownerId',
  'start',
  'end',
  'teamIds',
  'objectiveIds',
  'guardrailIds',
  'health',
  'healthReason',
] as const;

interface ProgramValues {
  name: string;
  description: string;
  ownerId: string;
  start: string;
  end: string;
  teamIds: string[];
  objectiveIds: string[];
  guardrailIds: string[];
  health: ProgramHealth;
  healthReason: string;
}

/** What a new program sends, and an edit sends with its health. */
function programFields({
  name,
  description,
  ownerId,
  start,
  end,
  teamIds,
  objectiveIds,
  guardrailIds,
}: ProgramValues) {
  return {
    name,
    description,
    ownerId,
    start,
    end: end || null,
    teamIds,
    objectiveIds,
    guardrailIds,
  };
}

/**
 * The body of an edit: only the fields changed from the values the form was filled with, so a
 * health or link set meanwhile (a published report sets the health) is not sent back as it was.
 * A changed health takes the reason shown with it (blank clears the old one).
 */
function changedProgramFields(values: ProgramValues, initial: ProgramValues) {
  const now: Record<string, unknown> = {
    ...programFields(values),
    health: values.health,
    healthReason: values.healthReason.trim() || null,
  };
  const before: Record<string, unknown> = {
    ...programFields(initial),
    health: initial.health,
    healthReason: initial.healthReason.trim() || null,
  };
  const changed = Object.keys(now).filter(
    (field) =>
      JSON.stringify(now[field]) !== JSON.stringify(before[field]) ||
      (field === 'healthReason' && values.health !== initial.health),
  );
  return Object.fromEntries(changed.map((field) => [field, now[field]]));
}

function initialValuesOf(program: Program | undefined, defaultOwnerId: string): ProgramValues {
  return {
    name: program?.name ?? '',
    description: program?.description ?? '',
    ownerId: program?.ownerId ?? defaultOwnerId,
    start: program?.start ?? todayUtc(),
    end: program?.end ?? '',
    teamIds: program?.teamIds ?? [],
    objectiveIds: program?.objectiveIds ?? [],
    guardrailIds: program?.guardrailIds ?? [],
    health: program?.health ?? 'on-track',
    healthReason: program?.healthReason ?? '',
  };
}

export interface ProgramFormProps {
  workspace: string;
  /** Who owns a new program unless changed: the signed-in user. */
  defaultOwnerId: string;
  /**
   * The program to edit; a new one without. The form keeps the values and version it was opened
   * with: a refetch meanwhile does not change what a save is compared with (a 409 instead).
   */
  program?: Program | undefined;
  onSaved: (program: Program) => void;
  onCancel: () => void;
}

/** Name, description, owner, dates and what the program answers for (and, when editing, health). */
export function ProgramForm({
  workspace,
  defaultOwnerId,
  program,
  onSaved,
  onCancel,
}: ProgramFormProps) {
  const createProgram = useCreateProgram(workspace);
  const updateProgram = useUpdateProgram(workspace);
  const members = useMembers(workspace);
  const teams = useTeamOptions(workspace);
  const objectives = useObjectives(workspace, {});
  const guardrails = useGuardrails(workspace);
  // What the form was opened with: an edit sends what changed from it, with its version.
  const [opened] = useState(() => ({
    program,
    values: initialValuesOf(program, defaultOwnerId),
  }));
  const editing = opened.program;
  const form = useContractForm<ProgramValues>({
    initialValues: opened.values,
    request: editing
      ? contractRequest(
          updateProgramRequestSchema,
          (values: ProgramValues) => ({
            ...changedProgramFields(values, opened.values),
            version: editing.version,
          }),
          async ({ version, ...changes }) => {
            // Nothing changed: nothing to send (a save would only raise the version).
            if (Object.keys(changes).length === 0) return onSaved(editing);
            onSaved(await updateProgram.mutateAsync({ id: editing.id, version, ...changes }));
          },
        )
      : contractRequest(createProgramRequestSchema, programFields, async (body) =>
          onSaved(await createProgram.mutateAsync(body)),
        ),
    validate: ({ name, start }) =>
      blankFieldErrors({ name, start }, { name: 'Enter a name', start: 'Pick a day' }),
  });
  const { values, setValue, errorAt } = form;
  const { health } = values;

  // The owner writes the program's reports: only an editor or admin whose account is active may
  // own it (the API refuses viewers and deactivated accounts).
  const ownerOptions = members.items
    .filter((member) => member.active && member.role !== 'viewer')
    .map((member) => ({ value: member.userId, label: member.displayName }));
  if (program && !ownerOptions.some((option) => option.value === program.ownerId)) {
    // The owner it has, kept until someone else is chosen, saying why nobody could pick them now.
    ownerOptions.unshift({
      value: program.ownerId,
      label: `${program.ownerName}${ownerNote(members, program.ownerId)}`,
    });
  }

  return (
    <form onSubmit={form.submit} noValidate>
      <Stack gap="md">
        {form.stale ? (
          <Alert color="red" title="Not saved: the program changed meanwhile" role="alert">
            Someone saved the program (or published its report) since you opened this form. Copy
            your changes, cancel, then open Edit again to start from the latest version.
          </Alert>
        ) : (
          <FormErrorAlert
            error={form.error}
            fields={FIELDS}
            title={program ? 'Program not saved' : 'Program not created'}
          />
        )}
        <TextInput
          label="Name"
          placeholder="e.g. Checkout rebuild"
          required
          data-autofocus
          value={values.name}
          onChange={(event) => setValue('name', event.currentTarget.value)}
          error={errorAt('name')}
        />
        <Textarea
          label="Description"
          description="Optional: what the program delivers, and for whom."
          autosize
          minRows={2}
          maxRows={6}
          value={values.description}
          onChange={(event) => setValue('description', event.currentTarget.value)}
          error={errorAt('description')}
        />
        <NativeSelect
          label="Owner"
          data={ownerOptions}
          value={values.ownerId}
          disabled={members.isPending}
          onChange={(event) => setValue('ownerId', event.currentTarget.value)}
          error={errorAt('ownerId')}
        />
        <Group grow align="flex-start">
          <DayInput
            label="Start"
            required
            value={values.start}
            onChange={(event) => setValue('start', event.currentTarget.value)}
            error={errorAt('start')}
          />
          <DayInput
            label="End"
            description="Optional"
            value={values.end}
            onChange={(event) => setValue('end', event.currentTarget.value)}
            error={errorAt('end')}
          />
        </Group>
        <MultiSelect
          label="Teams"
          placeholder={teams.data?.length === 0 ? 'No teams yet' : 'Pick teams'}
          data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
          value={values.teamIds}
          onChange={(ids) => setValue('teamIds', ids)}
          searchable
          disabled={teams.isPending}
          error={errorAt('teamIds')}
        />
        <MultiSelect
          label="Objectives"
          description="Their key results and pace show on the program page and in its reports."
          placeholder={objectives.data?.length === 0 ? 'No objectives yet' : 'Pick objectives'}
          data={(objectives.data ?? []).map((objective) => ({
            value: objective.id,
            label: objective.title,
          }))}
          value={values.objectiveIds}
          onChange={(ids) => setValue('objectiveIds', ids)}
          searchable
          disabled={objectives.isPending}
          error={errorAt('objectiveIds')}
        />
        <MultiSelect
          label="Guardrails"
          placeholder={guardrails.data?.length === 0 ? 'No guardrails yet' : 'Pick guardrails'}
          data={(guardrails.data ?? []).map((guardrail) => ({
            value: guardrail.id,
            label: guardrail.metric.name,
          }))}
          value={values.guardrailIds}
          onChange={(ids) => setValue('guardrailIds', ids)}
          searchable
          disabled={guardrails.isPending}
          error={errorAt('guardrailIds')}
        />
        {program && (
          <>
            <NativeSelect
              label="Health"
              description="Publishing a weekly report sets it too."
              data={HEALTH_OPTIONS.map((option) => ({ ...option }))}
              value={health}
              onChange={(event) =>
                setValue('health', programHealthSchema.parse(event.currentTarget.value))
              }
              error={errorAt('health')}
            />
            <Textarea
              label="Health reason"
              description={
                health === 'on-track' ? 'Optional while on track.' : 'Required: say why.'
              }
              required={health !== 'on-track'}
              autosize
              minRows={2}
              value={values.healthReason}
              onChange={(event) => setValue('healthReason', event.currentTarget.value)}
              error={errorAt('healthReason')}
            />
          </>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            {program ? 'Save program' : 'Create program'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * Why a program's owner is not among those who may own it now: " (no longer a member)", or its
 * account deactivated, or a viewer; nothing unless the whole member list has loaded.
 */
function ownerNote(
  members: { items: readonly Member[]; isPending: boolean; isError: boolean; hasMore: boolean },
  ownerId: string,
): string {
  if (members.isPending || members.isError || members.hasMore) return '';
  const member = members.items.find((candidate) => candidate.userId === ownerId);
  if (!member) return ' (no longer a member)';
  if (!member.active) return ' (account deactivated)';
  return member.role === 'viewer' ? ' (now a viewer)' : '';
}
