import {
  type Metric,
  type MetricPoint,
  metricPointSchema,
  type MetricPointsImport,
} from '@bearing/contracts';
import { Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../../api/api-error';
import { useAddMetricPoint } from '../../../api/metrics-points';
import { type FieldErrors, fieldErrorsFromIssues } from '../../../components/field-errors';
import { formatDay, formatValue, todayUtc } from '../../../components/format';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { parseNumberText } from '../../../components/number-input-text';
import { type ContractForm, useContractForm } from '../../../components/use-contract-form';
import { DayInput } from '../../../components/day-input';

/**
 * The API names the fields of the one point this form sends `0.timestamp` and `0.value`: a 400
 * about those lands on the fields, anything else shows in the alert.
 */
const API_FIELDS = ['0'] as const;

interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

/** A point's `timestamp` (the schema's) or `0.timestamp` (the API's) is the form's `date`. */
function formFieldErrors(issues: readonly Issue[]): FieldErrors {
  return fieldErrorsFromIssues(
    issues.map(({ path, message }) => {
      const field = String(path[path.length - 1] ?? '');
      return { path: [field === 'timestamp' ? 'date' : field], message };
    }),
  );
}

function apiFieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiError) || !error.problem.errors) return {};
  return formFieldErrors(
    error.problem.errors.map(({ path, message }) => ({ path: path.split('.'), message })),
  );
}

interface PointValues {
  value: string;
  date: string;
}

export interface MetricValueFormProps {
  workspace: string;
  metric: Metric;
  onClose: () => void;
}

/**
 * One value of a metric, for a day (today unless backfilling). The form stays open after each
 * value, so a few past weeks can be entered in a row; the page's chart updates behind it.
 */
export function MetricValueForm({ workspace, metric, onClose }: MetricValueFormProps) {
  const addPoint = useAddMetricPoint(workspace, metric.key);
  const [saved, setSaved] = useState<{ point: MetricPoint; outcome: MetricPointsImport } | null>(
    null,
  );
  // Typed here because the save below clears the value through it.
  const form: ContractForm<PointValues> = useContractForm<PointValues>({
    initialValues: () => ({ value: '', date: todayUtc() }),
    request: {
      // The schema's and the API's names for the fields are not the form's (see above).
      parse: ({ value, date }) => {
        // A day stands for its first moment in UTC, as the API reads it.
        const parsed = metricPointSchema.safeParse({
          timestamp: date,
          value: parseNumberText(value) ?? Number.NaN,
        });
        if (!parsed.success) return { errors: formFieldErrors(parsed.error.issues) };
        const point = parsed.data;
        return {
          save: async () => {
            const outcome = await addPoint.mutateAsync(point);
            setSaved({ point, outcome });
            form.setValue('value', '');
          },
        };
      },
    },
    validate: ({ value, date }) => {
      const number = parseNumberText(value);
      return {
        ...(date.trim() === '' ? { date: 'Enter the day the value is for' } : {}),
        ...(number === null ? { value: 'Enter a value' } : {}),
        ...(number === undefined ? { value: 'Enter a number, such as 41.5 or -0.25' } : {}),
      };
    },
    serverErrors: apiFieldErrors,
  });
  const { value, date } = form.values;
  const { errorAt, setValue } = form;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    setSaved(null);
    form.submit(event);
  };

  return (
    <form onSubmit={submit} noValidate aria-label={`Add a value to ${metric.name}`}>
      <Stack gap="md">
        <FormErrorAlert error={form.error} fields={API_FIELDS} title="Value not saved" />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            label="Value"
            description={
              metric.latest
                ? `Latest: ${formatValue(metric.latest.value, metric.unit)}`
                : 'The first value of this metric.'
            }
            inputMode="decimal"
            required
            data-autofocus
            value={value}
            onChange={(event) => setValue('value', event.currentTarget.value)}
            error={errorAt('value')}
            rightSection={metric.unit || undefined}
            rightSectionWidth={metric.unit ? Math.max(36, metric.unit.length * 9 + 16) : undefined}
          />
          <DayInput
            label="Date"
            description="A day that has a value already gets this one instead."
            required
            max={todayUtc()}
            value={date}
            onChange={(event) => setValue('date', event.currentTarget.value)}
            error={errorAt('date')}
          />
        </SimpleGrid>
        {saved && (
          <Text size="sm" role="status">
            Saved {formatValue(saved.point.value, metric.unit)} for{' '}
            {formatDay(saved.point.timestamp)}
            {saved.outcome.updated > 0
              ? ', replacing the value that day had.'
              : saved.outcome.unchanged > 0
                ? ': that day had this value already.'
                : '.'}
          </Text>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {saved ? 'Done' : 'Cancel'}
          </Button>
          <Button type="submit" loading={form.submitting}>
            Add value
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
