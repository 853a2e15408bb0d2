import {
  createProgramDependencyRequestSchema,
  type DependencyParty,
  type ProgramDependency,
  type ProgramDependencyStatus,
  programDependencyStatusSchema,
  updateProgramDependencyRequestSchema,
} from '@bearing/contracts';
import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import {
  useCreateProgramDependency,
  useUpdateProgramDependency,
} from '../../api/program-dependencies';
import { usePrograms, useTeamOptions } from '../../api/programs';
import { FormErrorAlert } from '../../components/form-error-alert';
import { contractRequest, useContractForm } from '../../components/use-contract-form';
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

interface DependencyValues {
  from: string;
  to: string;
  description: string;
  needBy: string;
  status: ProgramDependencyStatus;
}

/** The body both a new and an edited dependency send (an edit adds its version). */
function dependencyFields({ from, to, description, needBy, status }: DependencyValues) {
  return { from: partyOf(from), to: partyOf(to), description, needBy, status };
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
  const teams = useTeamOptions(workspace);
  const programs = usePrograms(workspace);

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
  // A stored party no longer among the choices (a deleted team) stays selectable as it is, so
  // the select shows what the dependency holds rather than the first choice.
  for (const party of dependency ? [dependency.from, dependency.to] : []) {
    const value = partyValue(party);
    if (options.some((option) => option.value === value)) continue;
    const kind = party.kind === 'team' ? 'Team' : 'Program';
    options.unshift({ value, label: `${kind}: ${party.name ?? '(deleted)'}` });
  }

  const form = useContractForm<DependencyValues>({
    initialValues: {
      from: dependency
        ? partyValue(dependency.from)
        : partyValue({ kind: 'program', id: programId }),
      to: dependency ? partyValue(dependency.to) : '',
      description: dependency?.description ?? '',
      needBy: dependency?.needBy ?? '',
      status: dependency?.status ?? 'open',
    },
    request: dependency
      ? contractRequest(
          updateProgramDependencyRequestSchema,
          (values: DependencyValues) => {
            const { from, to, ...fields } = dependencyFields(values);
            // Only a party the user changed: the API checks what is sent.
            return {
              ...fields,
              ...(values.from === partyValue(dependency.from) ? {} : { from }),
              ...(values.to === partyValue(dependency.to) ? {} : { to }),
              version: dependency.version,
            };
          },
          async (body) => {
            await update.mutateAsync({ id: dependency.id, ...body });
            onSaved();
          },
        )
      : contractRequest(createProgramDependencyRequestSchema, dependencyFields, async (body) => {
          await create.mutateAsync(body);
          onSaved();
        }),
    validate: ({ to, description, needBy }) =>
      blankFieldErrors(
        { to, description, needBy },
        { to: 'Pick who delivers', description: 'Say what is needed', needBy: 'Pick a day' },
      ),
  });
  const { values, setValue, errorAt } = form;
  const { from, to, description, needBy, status } = values;

  return (
    <form onSubmit={form.submit} noValidate>
      <Stack gap="md">
        <FormErrorAlert
          error={form.error}
          fields={FIELDS}
          title={dependency ? 'Dependency not saved' : 'Dependency not created'}
        />
        <Group grow align="flex-start">
          <NativeSelect
            label="Needed by (from)"
            data={options}
            value={from}
            onChange={(event) => setValue('from', event.currentTarget.value)}
            error={errorAt('from')}
          />
          <NativeSelect
            label="Delivered by (to)"
            data={[{ value: '', label: 'Pick a team or program' }, ...options]}
            value={to}
            onChange={(event) => setValue('to', event.currentTarget.value)}
            error={errorAt('to')}
          />
        </Group>
        <TextInput
          label="What is needed"
          required
          data-autofocus
          value={description}
          onChange={(event) => setValue('description', event.currentTarget.value)}
          error={errorAt('description')}
        />
        <Group grow align="flex-start">
          <DayInput
            label="Need-by date"
            required
            value={needBy}
            onChange={(event) => setValue('needBy', event.currentTarget.value)}
            error={errorAt('needBy')}
          />
          <NativeSelect
            label="Status"
            data={programDependencyStatusSchema.options.map((value) => ({
              value,
              label: DEPENDENCY_STATUS_LABELS[value],
            }))}
            value={status}
            onChange={(event) =>
              setValue('status', programDependencyStatusSchema.parse(event.currentTarget.value))
            }
            error={errorAt('status')}
          />
        </Group>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            {dependency ? 'Save dependency' : 'Add dependency'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
