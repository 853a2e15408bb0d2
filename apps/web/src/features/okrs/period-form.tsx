import {
  createPeriodRequestSchema,
  type Period,
  updatePeriodRequestSchema,
} from '@bearing/contracts';
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useCreatePeriod, useUpdatePeriod } from '../../api/okrs';
import {
  type FieldErrors,
  fieldErrorsFromIssues,
  fieldErrorsFromProblem,
} from '../../components/field-errors';
import { FormErrorAlert } from '../../components/form-error-alert';
import { blankFieldErrors } from '../../components/required-fields';
import { DayInput } from '../../components/day-input';

const FIELDS = ['name', 'start', 'end'] as const;

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
  const mutation = period ? updatePeriod : createPeriod;
  const [name, setName] = useState(period?.name ?? '');
  const [start, setStart] = useState(period?.start ?? '');
  const [end, setEnd] = useState(period?.end ?? '');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const blank = blankFieldErrors(
      { name, start, end },
      { name: 'Enter a name', start: 'Pick the first day', end: 'Pick the last day' },
    );
    const invalid = (issues: Parameters<typeof fieldErrorsFromIssues>[0]) =>
      setFieldErrors({ ...fieldErrorsFromIssues(issues), ...blank });
    const onError = (error: unknown) => setFieldErrors(fieldErrorsFromProblem(error));
    if (period) {
      const parsed = updatePeriodRequestSchema.safeParse({
        name,
        start,
        end,
        version: period.version,
      });
      if (!parsed.success) return invalid(parsed.error.issues);
      setFieldErrors({});
      updatePeriod.mutate({ id: period.id, ...parsed.data }, { onSuccess: onSaved, onError });
    } else {
      const parsed = createPeriodRequestSchema.safeParse({ name, start, end });
      if (!parsed.success) return invalid(parsed.error.issues);
      setFieldErrors({});
      createPeriod.mutate(parsed.data, { onSuccess: onSaved, onError });
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormErrorAlert
          error={mutation.error}
          fields={FIELDS}
          title={period ? 'Period not saved' : 'Period not created'}
        />
        <TextInput
          label="Name"
          placeholder="e.g. 2026 Q4"
          required
          data-autofocus
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={fieldErrors.name}
        />
        <Group grow align="flex-start">
          <DayInput
            label="First day"
            required
            value={start}
            onChange={(event) => setStart(event.currentTarget.value)}
            error={fieldErrors.start}
          />
          <DayInput
            label="Last day"
            required
            value={end}
            onChange={(event) => setEnd(event.currentTarget.value)}
            error={fieldErrors.end}
          />
        </Group>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {period ? 'Save period' : 'Create period'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
