import {
  createPeriodRequestSchema,
  type Period,
  updatePeriodRequestSchema,
} from '@bearing/contracts';
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useCreatePeriod, useUpdatePeriod } from '../../api/okrs';
import { FormErrorAlert } from '../../components/form-error-alert';
import { blankFieldErrors } from '../../components/required-fields';
import { contractRequest, useContractForm } from '../../components/use-contract-form';
import { DayInput } from '../../components/day-input';

const FIELDS = ['name', 'start', 'end'] as const;

// A type, not an interface: `blankFieldErrors` reads it as a record of strings.
type PeriodValues = {
  name: string;
  start: string;
  end: string;
};

export interface PeriodFormProps {
  workspace: string;
  /** The period to edit; a new one without. */
  period?: Period | undefined;
  onSaved: (period: Period) => void;
  onCancel: () => void;
}

/** Name and first and last day of a period, e.g. "2026 Q4", Oct 1 – Dec 31. */
export function PeriodForm({ workspace, period, onSaved, onCancel }: PeriodFormProps) {
  const createPeriod = useCreatePeriod(workspace);
  const updatePeriod = useUpdatePeriod(workspace);
  const form = useContractForm<PeriodValues>({
    initialValues: { name: period?.name ?? '', start: period?.start ?? '', end: period?.end ?? '' },
    request: period
      ? contractRequest(
          updatePeriodRequestSchema,
          (values: PeriodValues) => ({ ...values, version: period.version }),
          async (body) => onSaved(await updatePeriod.mutateAsync({ id: period.id, ...body })),
        )
      : contractRequest(
          createPeriodRequestSchema,
          (values: PeriodValues) => values,
          async (body) => onSaved(await createPeriod.mutateAsync(body)),
        ),
    validate: (values) =>
      blankFieldErrors(values, {
        name: 'Enter a name',
        start: 'Pick the first day',
        end: 'Pick the last day',
      }),
  });
  const { values } = form;

  return (
    <form onSubmit={form.submit} noValidate>
      <Stack gap="md">
        <FormErrorAlert
          error={form.error}
          fields={FIELDS}
          title={period ? 'Period not saved' : 'Period not created'}
        />
        <TextInput
          label="Name"
          placeholder="e.g. 2026 Q4"
          required
          data-autofocus
          value={values.name}
          onChange={(event) => form.setValue('name', event.currentTarget.value)}
          error={form.errorAt('name')}
        />
        <Group grow align="flex-start">
          <DayInput
            label="First day"
            required
            value={values.start}
            onChange={(event) => form.setValue('start', event.currentTarget.value)}
            error={form.errorAt('start')}
          />
          <DayInput
            label="Last day"
            required
            value={values.end}
            onChange={(event) => form.setValue('end', event.currentTarget.value)}
            error={form.errorAt('end')}
          />
        </Group>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            {period ? 'Save period' : 'Create period'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
