import {
  createObjectiveRequestSchema,
  type Objective,
  type ObjectiveStatus,
  objectiveStatusSchema,
  type Period,
  updateObjectiveRequestSchema,
} from '@bearing/contracts';
import { Button, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useMembers } from '../../api/members';
import { useCreateObjective, useObjectives, useUpdateObjective } from '../../api/okrs';
import { FormErrorAlert } from '../../components/form-error-alert';
import { contractRequest, useContractForm } from '../../components/use-contract-form';
import { blankFieldErrors } from '../../components/required-fields';
import { OBJECTIVE_STATUS_LABELS } from './okr-labels';
import { parentOptions } from './parent-options';

const FIELDS = ['title', 'description', 'ownerId', 'periodId', 'parentId', 'status'] as const;

interface ObjectiveValues {
  title: string;
  description: string;
  ownerId: string;
  periodId: string;
  parentId: string;
  status: ObjectiveStatus;
}

/** The body both a new and an edited objective send (an edit adds its version). */
function objectiveFields({
  title,
  description,
  ownerId,
  periodId,
  parentId,
  status,
}: ObjectiveValues) {
  return { title, description, ownerId, periodId, parentId: parentId || null, status };
}

export interface ObjectiveFormProps {
  workspace: string;
  periods: readonly Period[];
  /** Who owns a new objective unless changed: the signed-in user. */
  defaultOwnerId: string;
  defaultPeriodId: string | undefined;
  /** The objective to edit; a new one without. */
  objective?: Objective | undefined;
  /** A new objective's parent, when created under another. */
  defaultParentId?: string | null | undefined;
  onSaved: (objective: Objective) => void;
  onCancel: () => void;
}

/** Title, description, owner, period and the objective it aligns to (and, when editing, status). */
export function ObjectiveForm({
  workspace,
  periods,
  defaultOwnerId,
  defaultPeriodId,
  objective,
  defaultParentId = null,
  onSaved,
  onCancel,
}: ObjectiveFormProps) {
  const createObjective = useCreateObjective(workspace);
  const updateObjective = useUpdateObjective(workspace);
  const members = useMembers(workspace);
  const allObjectives = useObjectives(workspace, {});

  const form = useContractForm<ObjectiveValues>({
    initialValues: {
      title: objective?.title ?? '',
      description: objective?.description ?? '',
      ownerId: objective?.ownerId ?? defaultOwnerId,
      periodId: objective?.periodId ?? defaultPeriodId ?? '',
      parentId: objective?.parentId ?? defaultParentId ?? '',
      status: objective?.status ?? 'active',
    },
    request: objective
      ? contractRequest(
          updateObjectiveRequestSchema,
          (values: ObjectiveValues) => ({ ...objectiveFields(values), version: objective.version }),
          async (body) => onSaved(await updateObjective.mutateAsync({ id: objective.id, ...body })),
        )
      : contractRequest(createObjectiveRequestSchema, objectiveFields, async (body) =>
          onSaved(await createObjective.mutateAsync(body)),
        ),
    validate: ({ title, periodId }) =>
      blankFieldErrors({ title, periodId }, { title: 'Enter a title', periodId: 'Pick a period' }),
  });
  const { values, setValue, errorAt } = form;
  const { title, description, ownerId, periodId, parentId, status } = values;

  const ownerOptions = members.items.map((member) => ({
    value: member.userId,
    label: member.displayName,
  }));
  if (!ownerOptions.some((option) => option.value === ownerId) && objective) {
    ownerOptions.unshift({ value: objective.ownerId, label: objective.owner.displayName });
  }

  return (
    <form onSubmit={form.submit} noValidate>
      <Stack gap="md">
        <FormErrorAlert
          error={form.error}
          fields={FIELDS}
          title={objective ? 'Objective not saved' : 'Objective not created'}
        />
        <TextInput
          label="Title"
          placeholder="e.g. Make podcast ads a real revenue line"
          required
          data-autofocus
          value={title}
          onChange={(event) => setValue('title', event.currentTarget.value)}
          error={errorAt('title')}
        />
        <Textarea
          label="Description"
          description="Optional: why this matters, and what is out of scope."
          autosize
          minRows={2}
          maxRows={6}
          value={description}
          onChange={(event) => setValue('description', event.currentTarget.value)}
          error={errorAt('description')}
        />
        <Group grow align="flex-start">
          <NativeSelect
            label="Owner"
            data={ownerOptions}
            value={ownerId}
            disabled={members.isPending}
            onChange={(event) => setValue('ownerId', event.currentTarget.value)}
            error={errorAt('ownerId')}
          />
          <NativeSelect
            label="Period"
            data={[
              ...(periodId ? [] : [{ value: '', label: 'Pick a period' }]),
              ...periods.map((period) => ({ value: period.id, label: period.name })),
            ]}
            value={periodId}
            onChange={(event) => setValue('periodId', event.currentTarget.value)}
            error={errorAt('periodId')}
          />
        </Group>
        <NativeSelect
          label="Aligns to"
          description="The objective this one contributes to, in any period."
          data={parentOptions(allObjectives.data ?? [], periods, objective?.id)}
          value={parentId}
          disabled={allObjectives.isPending}
          onChange={(event) => setValue('parentId', event.currentTarget.value)}
          error={errorAt('parentId')}
        />
        {objective && (
          <NativeSelect
            label="Status"
            description="Closed and cancelled objectives take no more check-ins."
            data={objectiveStatusSchema.options.map((value) => ({
              value,
              label: OBJECTIVE_STATUS_LABELS[value],
            }))}
            value={status}
            onChange={(event) =>
              setValue('status', objectiveStatusSchema.parse(event.currentTarget.value))
            }
            error={errorAt('status')}
          />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            {objective ? 'Save objective' : 'Create objective'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
