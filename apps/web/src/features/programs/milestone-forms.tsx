import {
  createMilestoneRequestSchema,
  type Milestone,
  updateMilestoneRequestSchema,
} from '@bearing/contracts';
import { Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useCreateMilestone, useUpdateMilestone } from '../../api/milestones';
import { FormErrorAlert } from '../../components/form-error-alert';
import { formatDay } from '../../components/format';
import { blankFieldErrors } from '../../components/required-fields';
import { contractRequest, useContractForm } from '../../components/use-contract-form';
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
  const form = useContractForm({
    initialValues: { name: '', baselineDate: '' },
    request: contractRequest(
      createMilestoneRequestSchema,
      (values: { name: string; baselineDate: string }) => values,
      async (body) => {
        await create.mutateAsync(body);
        onSaved();
      },
    ),
    validate: (values) =>
      blankFieldErrors(values, { name: 'Enter a name', baselineDate: 'Pick the planned day' }),
  });
  const { values, setValue, errorAt } = form;

  return (
    <form onSubmit={form.submit} noValidate>
      <Stack gap="md">
        <FormErrorAlert
          error={form.error}
          fields={['name', 'baselineDate']}
          title="Milestone not created"
        />
        <TextInput
          label="Name"
          required
          data-autofocus
          value={values.name}
          onChange={(event) => setValue('name', event.currentTarget.value)}
          error={errorAt('name')}
        />
        <DayInput
          label="Baseline date"
          description="The original plan. It never changes; later moves are kept against it."
          required
          value={values.baselineDate}
          onChange={(event) => setValue('baselineDate', event.currentTarget.value)}
          error={errorAt('baselineDate')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            Add milestone
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * Today on the user's own calendar (the browser's time zone), `YYYY-MM-DD`: the day they would
 * say they finished on — in California on a Sunday evening, Sunday, though UTC is on Monday.
 */
export function localToday(
  now: Date = new Date(),
  timeZone: string = Intl.DateTimeFormat().resolvedOptions().timeZone,
): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

const FUTURE_COMPLETION = 'Pick a day that has come: today at the latest';

/** Records a milestone as completed on a day the user picks: today unless they say otherwise. */
export function CompleteMilestoneForm({
  workspace,
  programId,
  milestone,
  onSaved,
  onCancel,
}: FormProps & { milestone: Milestone }) {
  const update = useUpdateMilestone(workspace, programId);
  // Taken once: a dialog left open over midnight keeps the day it offered.
  const [today] = useState(() => localToday());
  const form = useContractForm<{ completedAt: string }>({
    initialValues: { completedAt: today },
    request: contractRequest(
      updateMilestoneRequestSchema,
      (values: { completedAt: string }) => ({ ...values, version: milestone.version }),
      async (body) => {
        await update.mutateAsync({ id: milestone.id, ...body });
        onSaved();
      },
    ),
    validate: ({ completedAt }) => ({
      ...blankFieldErrors({ completedAt }, { completedAt: 'Pick the day it was completed' }),
      ...(completedAt > today ? { completedAt: FUTURE_COMPLETION } : {}),
    }),
  });
  const { values, setValue, errorAt } = form;

  return (
    <form onSubmit={form.submit} noValidate>
      <Stack gap="md">
        <Text size="sm">
          Baseline {formatDay(milestone.baselineDate)} · planned {formatDay(milestone.currentDate)}
        </Text>
        <FormErrorAlert error={form.error} fields={['completedAt']} title="Not marked complete" />
        <DayInput
          label="Completed on"
          description="The day it was done: its slip is measured to it, and the report of that week lists it."
          required
          data-autofocus
          max={today}
          value={values.completedAt}
          onChange={(event) => setValue('completedAt', event.currentTarget.value)}
          error={errorAt('completedAt')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            Mark complete
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

// A type, not an interface: `blankFieldErrors` reads it as a record of strings.
type MilestoneEdit = { name: string; currentDate: string; reason: string; completedAt: string };

/**
 * Renames a milestone and moves its current date (with a reason, kept in its history) — or, once
 * completed, corrects the day it was completed. Sends only what changed.
 */
export function EditMilestoneForm({
  workspace,
  programId,
  milestone,
  onSaved,
  onCancel,
}: FormProps & { milestone: Milestone }) {
  const update = useUpdateMilestone(workspace, programId);
  const [today] = useState(() => localToday());
  const completed = milestone.completedAt !== null;
  const changesOf = (values: MilestoneEdit) => {
    const name = values.name.trim();
    const moved = !completed && values.currentDate !== milestone.currentDate;
    return {
      ...(name !== milestone.name ? { name } : {}),
      ...(moved ? { currentDate: values.currentDate, reason: values.reason } : {}),
      ...(completed && values.completedAt !== milestone.completedAt
        ? { completedAt: values.completedAt }
        : {}),
    };
  };
  const form = useContractForm<MilestoneEdit>({
    initialValues: {
      name: milestone.name,
      currentDate: milestone.currentDate,
      reason: '',
      completedAt: milestone.completedAt ?? '',
    },
    request: contractRequest(
      updateMilestoneRequestSchema,
      (values: MilestoneEdit) => ({ ...changesOf(values), version: milestone.version }),
      async ({ version, ...changes }) => {
        // Nothing changed: nothing to send.
        if (Object.keys(changes).length > 0) {
          await update.mutateAsync({ id: milestone.id, version, ...changes });
        }
        onSaved();
      },
    ),
    validate: (values) => ({
      ...blankFieldErrors({ name: values.name.trim() }, { name: 'Enter a name' }),
      ...(completed
        ? {
            ...blankFieldErrors(
              { completedAt: values.completedAt },
              { completedAt: 'Pick the day it was completed' },
            ),
            ...(values.completedAt > today ? { completedAt: FUTURE_COMPLETION } : {}),
          }
        : {
            ...blankFieldErrors({ currentDate: values.currentDate }, { currentDate: 'Pick a day' }),
            ...(values.currentDate !== milestone.currentDate && values.reason.trim() === ''
              ? { reason: 'Say why the date moves' }
              : {}),
          }),
    }),
  });
  const { values, setValue, errorAt } = form;
  const { currentDate } = values;
  const moving = !completed && currentDate !== '' && currentDate !== milestone.currentDate;

  return (
    <form onSubmit={form.submit} noValidate>
      <Stack gap="md">
        <Text size="sm">
          Baseline {formatDay(milestone.baselineDate)} · now {formatDay(milestone.currentDate)}
          {moving && <> · this move {describeMove(milestone.currentDate, currentDate)}</>}
        </Text>
        <FormErrorAlert
          error={form.error}
          fields={['name', 'currentDate', 'reason', 'completedAt']}
          title="Milestone not saved"
        />
        <TextInput
          label="Name"
          required
          data-autofocus
          value={values.name}
          onChange={(event) => setValue('name', event.currentTarget.value)}
          error={errorAt('name')}
        />
        {completed ? (
          <DayInput
            label="Completed on"
            required
            max={today}
            value={values.completedAt}
            onChange={(event) => setValue('completedAt', event.currentTarget.value)}
            error={errorAt('completedAt')}
          />
        ) : (
          <>
            <DayInput
              label="Current date"
              description="The baseline never changes; a move is kept against it with its reason."
              required
              value={currentDate}
              onChange={(event) => setValue('currentDate', event.currentTarget.value)}
              error={errorAt('currentDate')}
            />
            <Textarea
              label="Reason for the move"
              description="Kept with the move, so everyone can see why the plan changed."
              required={moving}
              disabled={!moving}
              autosize
              minRows={2}
              value={values.reason}
              onChange={(event) => setValue('reason', event.currentTarget.value)}
              error={errorAt('reason')}
            />
          </>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            Save milestone
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
