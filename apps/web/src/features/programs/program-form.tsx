import {
  createProgramRequestSchema,
  type Program,
  type ProgramHealth,
  programHealthSchema,
  updateProgramRequestSchema,
} from '@bearing/contracts';
import {
  Button,
  Group,
  MultiSelect,
  NativeSelect,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
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

export interface ProgramFormProps {
  workspace: string;
  /** Who owns a new program unless changed: the signed-in user. */
  defaultOwnerId: string;
  /** The program to edit; a new one without. */
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
  const form = useContractForm<ProgramValues>({
    initialValues: {
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
    },
    request: program
      ? contractRequest(
          updateProgramRequestSchema,
          (values: ProgramValues) => ({
            ...programFields(values),
            health: values.health,
            healthReason: values.healthReason.trim() || null,
            version: program.version,
          }),
          async (body) => onSaved(await updateProgram.mutateAsync({ id: program.id, ...body })),
        )
      : contractRequest(createProgramRequestSchema, programFields, async (body) =>
          onSaved(await createProgram.mutateAsync(body)),
        ),
    validate: ({ name, start }) =>
      blankFieldErrors({ name, start }, { name: 'Enter a name', start: 'Pick a day' }),
  });
  const { values, setValue, errorAt } = form;
  const { health } = values;

  const ownerOptions = members.items.map((member) => ({
    value: member.userId,
    label: member.displayName,
  }));
  if (program && !ownerOptions.some((option) => option.value === program.ownerId)) {
    ownerOptions.unshift({ value: program.ownerId, label: program.ownerName });
  }

  return (
    <form onSubmit={form.submit} noValidate>
      <Stack gap="md">
        <FormErrorAlert
          error={form.error}
          fields={FIELDS}
          title={program ? 'Program not saved' : 'Program not created'}
        />
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
