import {
  createMilestoneRequestSchema,
  type Milestone,
  updateMilestoneRequestSchema,
} from '@bearing/contracts';
import { Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useCreateMilestone, useUpdateMilestone } from '../../api/milestones';
import { FormErrorAlert } from '../../components/form-error-alert';
import { formatDay } from '../../components/format';
import { blankFieldErrors } from '../../components/required-fields';
import { contractRequest, useContractForm } from '../../components/use-contract-form';
import { describeMove } from './slip';
import { DayInput } from '../../components/day-input';

// A type, not an interface: `blankFieldErrors` reads it as a record of strings.
type DateChange = { currentDate: string; reason: string };

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

/** Moves a milestone's current date; the reason is required and kept in its history. */
export function ChangeMilestoneDateForm({
  workspace,
  programId,
  milestone,
  onSaved,
  onCancel,
}: FormProps & { milestone: Milestone }) {
  const update = useUpdateMilestone(workspace, programId);
  const contract = contractRequest(
    updateMilestoneRequestSchema,
    (values: DateChange) => ({ ...values, version: milestone.version }),
    async (body) => {
      await update.mutateAsync({ id: milestone.id, ...body });
      onSaved();
    },
  );
  const blank = (values: DateChange) =>
    blankFieldErrors(values, { currentDate: 'Pick the new day', reason: 'Say why the date moves' });
  const form = useContractForm<DateChange>({
    initialValues: { currentDate: milestone.currentDate, reason: '' },
    request: {
      // An unmoved date is said before the schema is asked.
      parse: (values) =>
        values.currentDate === milestone.currentDate
          ? { errors: { ...blank(values), currentDate: 'Pick a day other than the current one' } }
          : contract.parse(values),
    },
    validate: blank,
  });
  const { values, setValue, errorAt } = form;
  const { currentDate } = values;

  return (
    <form onSubmit={form.submit} noValidate>
      <Stack gap="md">
        <Text size="sm">
          Baseline {formatDay(milestone.baselineDate)} · now {formatDay(milestone.currentDate)}
          {currentDate && currentDate !== milestone.currentDate && (
            <> · this move {describeMove(milestone.currentDate, currentDate)}</>
          )}
        </Text>
        <FormErrorAlert
          error={form.error}
          fields={['currentDate', 'reason']}
          title="Date not changed"
        />
        <DayInput
          label="New date"
          required
          data-autofocus
          value={currentDate}
          onChange={(event) => setValue('currentDate', event.currentTarget.value)}
          error={errorAt('currentDate')}
        />
        <Textarea
          label="Reason"
          description="Kept with the move, so everyone can see why the plan changed."
          required
          autosize
          minRows={2}
          value={values.reason}
          onChange={(event) => setValue('reason', event.currentTarget.value)}
          error={errorAt('reason')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            Change date
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
