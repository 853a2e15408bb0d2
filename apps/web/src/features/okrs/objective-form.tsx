import {
  createObjectiveRequestSchema,
  type Objective,
  type ObjectiveStatus,
  objectiveStatusSchema,
  type Period,
  updateObjectiveRequestSchema,
} from '@bearing/contracts';
import { Button, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useMembers } from '../../api/members';
import { useCreateObjective, useObjectives, useUpdateObjective } from '../../api/okrs';
import {
  type FieldErrors,
  fieldErrorsFromIssues,
  fieldErrorsFromProblem,
} from '../../components/field-errors';
import { FormErrorAlert } from '../../components/form-error-alert';
import { blankFieldErrors } from '../../components/required-fields';
import { OBJECTIVE_STATUS_LABELS } from './okr-labels';
import { parentOptions } from './parent-options';

const FIELDS = ['title', 'description', 'ownerId', 'periodId', 'parentId', 'status'] as const;

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
  const mutation = objective ? updateObjective : createObjective;
  const members = useMembers(workspace);
  const allObjectives = useObjectives(workspace, {});
  const [title, setTitle] = useState(objective?.title ?? '');
  const [description, setDescription] = useState(objective?.description ?? '');
  const [ownerId, setOwnerId] = useState(objective?.ownerId ?? defaultOwnerId);
  const [periodId, setPeriodId] = useState(objective?.periodId ?? defaultPeriodId ?? '');
  const [parentId, setParentId] = useState(objective?.parentId ?? defaultParentId ?? '');
  const [status, setStatus] = useState<ObjectiveStatus>(objective?.status ?? 'active');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const blank = blankFieldErrors(
      { title, periodId },
      { title: 'Enter a title', periodId: 'Pick a period' },
    );
    const invalid = (issues: Parameters<typeof fieldErrorsFromIssues>[0]) =>
      setFieldErrors({ ...fieldErrorsFromIssues(issues), ...blank });
    const onError = (error: unknown) => setFieldErrors(fieldErrorsFromProblem(error));
    const fields = { title, description, ownerId, periodId, parentId: parentId || null, status };
    if (objective) {
      const parsed = updateObjectiveRequestSchema.safeParse({
        ...fields,
        version: objective.version,
      });
      if (!parsed.success) return invalid(parsed.error.issues);
      setFieldErrors({});
      updateObjective.mutate({ id: objective.id, ...parsed.data }, { onSuccess: onSaved, onError });
    } else {
      const parsed = createObjectiveRequestSchema.safeParse(fields);
      if (!parsed.success) return invalid(parsed.error.issues);
      setFieldErrors({});
      createObjective.mutate(parsed.data, { onSuccess: onSaved, onError });
    }
  };

  const ownerOptions = members.items.map((member) => ({
    value: member.userId,
    label: member.displayName,
  }));
  if (!ownerOptions.some((option) => option.value === ownerId) && objective) {
    ownerOptions.unshift({ value: objective.ownerId, label: objective.owner.displayName });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormErrorAlert
          error={mutation.error}
          fields={FIELDS}
          title={objective ? 'Objective not saved' : 'Objective not created'}
        />
        <TextInput
          label="Title"
          placeholder="e.g. Make podcast ads a real revenue line"
          required
          data-autofocus
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={fieldErrors.title}
        />
        <Textarea
          label="Description"
          description="Optional: why this matters, and what is out of scope."
          autosize
          minRows={2}
          maxRows={6}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={fieldErrors.description}
        />
        <Group grow align="flex-start">
          <NativeSelect
            label="Owner"
            data={ownerOptions}
            value={ownerId}
            disabled={members.isPending}
            onChange={(event) => setOwnerId(event.currentTarget.value)}
            error={fieldErrors.ownerId}
          />
          <NativeSelect
            label="Period"
            data={[
              ...(periodId ? [] : [{ value: '', label: 'Pick a period' }]),
              ...periods.map((period) => ({ value: period.id, label: period.name })),
            ]}
            value={periodId}
            onChange={(event) => setPeriodId(event.currentTarget.value)}
            error={fieldErrors.periodId}
          />
        </Group>
        <NativeSelect
          label="Aligns to"
          description="The objective this one contributes to, in any period."
          data={parentOptions(allObjectives.data ?? [], periods, objective?.id)}
          value={parentId}
          disabled={allObjectives.isPending}
          onChange={(event) => setParentId(event.currentTarget.value)}
          error={fieldErrors.parentId}
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
            onChange={(event) => setStatus(objectiveStatusSchema.parse(event.currentTarget.value))}
            error={fieldErrors.status}
          />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {objective ? 'Save objective' : 'Create objective'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
