import {
  createProgramDependencyRequestSchema,
  type DependencyParty,
  type ProgramDependency,
  type ProgramDependencyStatus,
  programDependencyStatusSchema,
  updateProgramDependencyRequestSchema,
} from '@bearing/contracts';
import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import {
  useCreateProgramDependency,
  useUpdateProgramDependency,
} from '../../api/program-dependencies';
import { usePrograms, useTeamOptions } from '../../api/programs';
import {
  type FieldErrors,
  fieldErrorsFromIssues,
  fieldErrorsFromProblem,
} from '../../components/field-errors';
import { FormErrorAlert } from '../../components/form-error-alert';
import { blankFieldErrors } from '../../components/required-fields';
import { DEPENDENCY_STATUS_LABELS } from './program-labels';
import { DayInput } from '../../components/day-input';

const FIELDS = ['from', 'to', 'description', 'needBy', 'status'] as const;

/** `team:<id>` / `program:<id>`: one select over both kinds of party. */
function partyValue(party: { kind: 'team' | 'program'; id: string }): string {
  return `${party.kind}:${party.id}`;
}

function partyOf(value: string): DependencyParty | null {
  const [kind, id] = value.split(':');
  return (kind === 'team' || kind === 'program') && id ? { kind, id } : null;
}

export interface DependencyFormProps {
  workspace: string;
  programId: string;
  dependency?: ProgramDependency | undefined;
  onSaved: () => void;
  onCancel: () => void;
}

/** Who needs what from whom, by when; teams and programs of the workspace on either end. */
export function DependencyForm({
  workspace,
  programId,
  dependency,
  onSaved,
  onCancel,
}: DependencyFormProps) {
  const create = useCreateProgramDependency(workspace, programId);
  const update = useUpdateProgramDependency(workspace, programId);
  const mutation = dependency ? update : create;
  const teams = useTeamOptions(workspace);
  const programs = usePrograms(workspace);
  const [from, setFrom] = useState(
    dependency ? partyValue(dependency.from) : partyValue({ kind: 'program', id: programId }),
  );
  const [to, setTo] = useState(dependency ? partyValue(dependency.to) : '');
  const [description, setDescription] = useState(dependency?.description ?? '');
  const [needBy, setNeedBy] = useState(dependency?.needBy ?? '');
  const [status, setStatus] = useState<ProgramDependencyStatus>(dependency?.status ?? 'open');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const options = [
    ...(programs.data ?? []).map((program) => ({
      value: partyValue({ kind: 'program', id: program.id }),
      label: `Program: ${program.name}`,
    })),
    ...(teams.data ?? []).map((team) => ({
      value: partyValue({ kind: 'team', id: team.id }),
      label: `Team: ${team.name}`,
    })),
  ];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const blank = blankFieldErrors(
      { to, description, needBy },
      { to: 'Pick who delivers', description: 'Say what is needed', needBy: 'Pick a day' },
    );
    const invalid = (issues: Parameters<typeof fieldErrorsFromIssues>[0]) =>
      setFieldErrors({ ...fieldErrorsFromIssues(issues), ...blank });
    const onError = (error: unknown) => setFieldErrors(fieldErrorsFromProblem(error));
    const fields = { from: partyOf(from), to: partyOf(to), description, needBy, status };
    if (dependency) {
      const parsed = updateProgramDependencyRequestSchema.safeParse({
        ...fields,
        version: dependency.version,
      });
      if (!parsed.success) return invalid(parsed.error.issues);
      setFieldErrors({});
      update.mutate({ id: dependency.id, ...parsed.data }, { onSuccess: onSaved, onError });
    } else {
      const parsed = createProgramDependencyRequestSchema.safeParse(fields);
      if (!parsed.success) return invalid(parsed.error.issues);
      setFieldErrors({});
      create.mutate(parsed.data, { onSuccess: onSaved, onError });
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormErrorAlert
          error={mutation.error}
          fields={FIELDS}
          title={dependency ? 'Dependency not saved' : 'Dependency not created'}
        />
        <Group grow align="flex-start">
          <NativeSelect
            label="Needed by (from)"
            data={options}
            value={from}
            onChange={(event) => setFrom(event.currentTarget.value)}
            error={fieldErrors.from}
          />
          <NativeSelect
            label="Delivered by (to)"
            data={[{ value: '', label: 'Pick a team or program' }, ...options]}
            value={to}
            onChange={(event) => setTo(event.currentTarget.value)}
            error={fieldErrors.to}
          />
        </Group>
        <TextInput
          label="What is needed"
          required
          data-autofocus
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={fieldErrors.description}
        />
        <Group grow align="flex-start">
          <DayInput
            label="Need-by date"
            required
            value={needBy}
            onChange={(event) => setNeedBy(event.currentTarget.value)}
            error={fieldErrors.needBy}
          />
          <NativeSelect
            label="Status"
            data={programDependencyStatusSchema.options.map((value) => ({
              value,
              label: DEPENDENCY_STATUS_LABELS[value],
            }))}
            value={status}
            onChange={(event) =>
              setStatus(programDependencyStatusSchema.parse(event.currentTarget.value))
            }
            error={fieldErrors.status}
          />
        </Group>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {dependency ? 'Save dependency' : 'Add dependency'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
