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
import { type FormEvent, useState } from 'react';
import { useGuardrails } from '../../api/guardrails';
import { useMembers } from '../../api/members';
import { useObjectives } from '../../api/okrs';
import { useCreateProgram, useTeamOptions, useUpdateProgram } from '../../api/programs';
import {
  type FieldErrors,
  fieldErrorsFromIssues,
  fieldErrorsFromProblem,
} from '../../components/field-errors';
import { FormErrorAlert } from '../../components/form-error-alert';
import { todayUtc } from '../../components/format';
import { blankFieldErrors } from '../../components/required-fields';
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
  const mutation = program ? updateProgram : createProgram;
  const members = useMembers(workspace);
  const teams = useTeamOptions(workspace);
  const objectives = useObjectives(workspace, {});
  const guardrails = useGuardrails(workspace);
  const [name, setName] = useState(program?.name ?? '');
  const [description, setDescription] = useState(program?.description ?? '');
  const [ownerId, setOwnerId] = useState(program?.ownerId ?? defaultOwnerId);
  const [start, setStart] = useState(program?.start ?? todayUtc());
  const [end, setEnd] = useState(program?.end ?? '');
  const [teamIds, setTeamIds] = useState<string[]>(program?.teamIds ?? []);
  const [objectiveIds, setObjectiveIds] = useState<string[]>(program?.objectiveIds ?? []);
  const [guardrailIds, setGuardrailIds] = useState<string[]>(program?.guardrailIds ?? []);
  const [health, setHealth] = useState<ProgramHealth>(program?.health ?? 'on-track');
  const [healthReason, setHealthReason] = useState(program?.healthReason ?? '');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const blank = blankFieldErrors({ name, start }, { name: 'Enter a name', start: 'Pick a day' });
    const invalid = (issues: Parameters<typeof fieldErrorsFromIssues>[0]) =>
      setFieldErrors({ ...fieldErrorsFromIssues(issues), ...blank });
    const onError = (error: unknown) => setFieldErrors(fieldErrorsFromProblem(error));
    const fields = {
      name,
      description,
      ownerId,
      start,
      end: end || null,
      teamIds,
      objectiveIds,
      guardrailIds,
    };
    if (program) {
      const parsed = updateProgramRequestSchema.safeParse({
        ...fields,
        health,
        healthReason: healthReason.trim() || null,
        version: program.version,
      });
      if (!parsed.success) return invalid(parsed.error.issues);
      setFieldErrors({});
      updateProgram.mutate({ id: program.id, ...parsed.data }, { onSuccess: onSaved, onError });
    } else {
      const parsed = createProgramRequestSchema.safeParse(fields);
      if (!parsed.success) return invalid(parsed.error.issues);
      setFieldErrors({});
      createProgram.mutate(parsed.data, { onSuccess: onSaved, onError });
    }
  };

  const ownerOptions = members.items.map((member) => ({
    value: member.userId,
    label: member.displayName,
  }));
  if (program && !ownerOptions.some((option) => option.value === program.ownerId)) {
    ownerOptions.unshift({ value: program.ownerId, label: program.ownerName });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormErrorAlert
          error={mutation.error}
          fields={FIELDS}
          title={program ? 'Program not saved' : 'Program not created'}
        />
        <TextInput
          label="Name"
          placeholder="e.g. Checkout rebuild"
          required
          data-autofocus
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={fieldErrors.name}
        />
        <Textarea
          label="Description"
          description="Optional: what the program delivers, and for whom."
          autosize
          minRows={2}
          maxRows={6}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={fieldErrors.description}
        />
        <NativeSelect
          label="Owner"
          data={ownerOptions}
          value={ownerId}
          disabled={members.isPending}
          onChange={(event) => setOwnerId(event.currentTarget.value)}
          error={fieldErrors.ownerId}
        />
        <Group grow align="flex-start">
          <DayInput
            label="Start"
            required
            value={start}
            onChange={(event) => setStart(event.currentTarget.value)}
            error={fieldErrors.start}
          />
          <DayInput
            label="End"
            description="Optional"
            value={end}
            onChange={(event) => setEnd(event.currentTarget.value)}
            error={fieldErrors.end}
          />
        </Group>
        <MultiSelect
          label="Teams"
          placeholder={teams.data?.length === 0 ? 'No teams yet' : 'Pick teams'}
          data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
          value={teamIds}
          onChange={setTeamIds}
          searchable
          disabled={teams.isPending}
          error={fieldErrors.teamIds}
        />
        <MultiSelect
          label="Objectives"
          description="Their key results and pace show on the program page and in its reports."
          placeholder={objectives.data?.length === 0 ? 'No objectives yet' : 'Pick objectives'}
          data={(objectives.data ?? []).map((objective) => ({
            value: objective.id,
            label: objective.title,
          }))}
          value={objectiveIds}
          onChange={setObjectiveIds}
          searchable
          disabled={objectives.isPending}
          error={fieldErrors.objectiveIds}
        />
        <MultiSelect
          label="Guardrails"
          placeholder={guardrails.data?.length === 0 ? 'No guardrails yet' : 'Pick guardrails'}
          data={(guardrails.data ?? []).map((guardrail) => ({
            value: guardrail.id,
            label: guardrail.metric.name,
          }))}
          value={guardrailIds}
          onChange={setGuardrailIds}
          searchable
          disabled={guardrails.isPending}
          error={fieldErrors.guardrailIds}
        />
        {program && (
          <>
            <NativeSelect
              label="Health"
              description="Publishing a weekly report sets it too."
              data={HEALTH_OPTIONS.map((option) => ({ ...option }))}
              value={health}
              onChange={(event) => setHealth(programHealthSchema.parse(event.currentTarget.value))}
              error={fieldErrors.health}
            />
            <Textarea
              label="Health reason"
              description={
                health === 'on-track' ? 'Optional while on track.' : 'Required: say why.'
              }
              required={health !== 'on-track'}
              autosize
              minRows={2}
              value={healthReason}
              onChange={(event) => setHealthReason(event.currentTarget.value)}
              error={fieldErrors.healthReason}
            />
          </>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {program ? 'Save program' : 'Create program'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
