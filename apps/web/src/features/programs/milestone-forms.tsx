import {
  createMilestoneRequestSchema,
  type Milestone,
  updateMilestoneRequestSchema,
} from '@bearing/contracts';
import { Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useCreateMilestone, useUpdateMilestone } from '../../api/milestones';
import {
  type FieldErrors,
  fieldErrorsFromIssues,
  fieldErrorsFromProblem,
} from '../../components/field-errors';
import { FormErrorAlert } from '../../components/form-error-alert';
import { formatDay } from '../../components/format';
import { blankFieldErrors } from '../../components/required-fields';
import { describeMove } from './slip';
import { DayInput } from '../../components/day-input';

interface FormProps {
  workspace: string;
  programId: string;
  onSaved: () => void;
  onCancel: () => void;
}

/** A new milestone: its name and baseline date, which is its current date until moved. */
export function NewMilestoneForm({ workspace, programId, onSaved, onCancel }: FormProps) {
  const create = useCreateMilestone(workspace, programId);
  const [name, setName] = useState('');
  const [baselineDate, setBaselineDate] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const blank = blankFieldErrors(
      { name, baselineDate },
      { name: 'Enter a name', baselineDate: 'Pick the planned day' },
    );
    const parsed = createMilestoneRequestSchema.safeParse({ name, baselineDate });
    if (!parsed.success) {
      return setFieldErrors({ ...fieldErrorsFromIssues(parsed.error.issues), ...blank });
    }
    setFieldErrors({});
    create.mutate(parsed.data, {
      onSuccess: onSaved,
      onError: (error) => setFieldErrors(fieldErrorsFromProblem(error)),
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormErrorAlert
          error={create.error}
          fields={['name', 'baselineDate']}
          title="Milestone not created"
        />
        <TextInput
          label="Name"
          required
          data-autofocus
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={fieldErrors.name}
        />
        <DayInput
          label="Baseline date"
          description="The original plan. It never changes; later moves are kept against it."
          required
          value={baselineDate}
          onChange={(event) => setBaselineDate(event.currentTarget.value)}
          error={fieldErrors.baselineDate}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Add milestone
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Moves a milestone's current date; the reason is required and kept in its history. */
export function ChangeMilestoneDateForm({
  workspace,
  programId,
  milestone,
  onSaved,
  onCancel,
}: FormProps & { milestone: Milestone }) {
  const update = useUpdateMilestone(workspace, programId);
  const [currentDate, setCurrentDate] = useState(milestone.currentDate);
  const [reason, setReason] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const blank = blankFieldErrors(
      { currentDate, reason },
      { currentDate: 'Pick the new day', reason: 'Say why the date moves' },
    );
    if (currentDate === milestone.currentDate) {
      return setFieldErrors({ ...blank, currentDate: 'Pick a day other than the current one' });
    }
    const parsed = updateMilestoneRequestSchema.safeParse({
      currentDate,
      reason,
      version: milestone.version,
    });
    if (!parsed.success) {
      return setFieldErrors({ ...fieldErrorsFromIssues(parsed.error.issues), ...blank });
    }
    setFieldErrors({});
    update.mutate(
      { id: milestone.id, ...parsed.data },
      {
        onSuccess: onSaved,
        onError: (error) => setFieldErrors(fieldErrorsFromProblem(error)),
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">
          Baseline {formatDay(milestone.baselineDate)} · now {formatDay(milestone.currentDate)}
          {currentDate && currentDate !== milestone.currentDate && (
            <> · this move {describeMove(milestone.currentDate, currentDate)}</>
          )}
        </Text>
        <FormErrorAlert
          error={update.error}
          fields={['currentDate', 'reason']}
          title="Date not changed"
        />
        <DayInput
          label="New date"
          required
          data-autofocus
          value={currentDate}
          onChange={(event) => setCurrentDate(event.currentTarget.value)}
          error={fieldErrors.currentDate}
        />
        <Textarea
          label="Reason"
          description="Kept with the move, so everyone can see why the plan changed."
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={fieldErrors.reason}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Change date
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
