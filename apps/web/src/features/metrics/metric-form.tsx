import {
  createMetricRequestSchema,
  type Metric,
  type MetricCategory,
  metricCategorySchema,
  type MetricDirection,
  metricDirectionSchema,
  updateMetricRequestSchema,
} from '@bearing/contracts';
import {
  Alert,
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useCreateMetric, useUpdateMetric } from '../../api/metrics';
import { FormErrorAlert } from '../../components/form-error-alert';
import { contractRequest, useContractForm } from '../../components/use-contract-form';
import { blankFieldErrors } from '../../components/required-fields';
import { slugFromName } from '../workspaces/slug-from-name';
import { CATEGORY_LABELS, DIRECTION_LABELS } from './metric-labels';

const FIELDS = ['key', 'name', 'unit', 'category', 'direction', 'description'] as const;

interface MetricValues {
  key: string;
  name: string;
  unit: string;
  category: MetricCategory;
  /** Empty until chosen: a new metric's good direction is never assumed. */
  direction: MetricDirection | '';
  description: string;
}

/** The fields an edit may change, as the metric holds them. */
const EDITABLE = ['name', 'unit', 'category', 'direction', 'description'] as const;

export interface MetricFormProps {
  workspace: string;
  /** The metric to edit; a new one without. */
  metric?: Metric | undefined;
  onSaved: (metric: Metric) => void;
  onCancel: () => void;
}

/**
 * A KPI's name, the key pushers send values under (for a new one, suggested from the name until
 * edited, as a team's slug is; never changed afterwards), unit, category and good direction.
 */
export function MetricForm({ workspace, metric, onSaved, onCancel }: MetricFormProps) {
  const createMetric = useCreateMetric(workspace);
  const updateMetric = useUpdateMetric(workspace);
  const [keyEdited, setKeyEdited] = useState(false);

  const form = useContractForm<MetricValues>({
    initialValues: () =>
      metric
        ? {
            key: metric.key,
            name: metric.name,
            unit: metric.unit,
            category: metric.category,
            direction: metric.direction,
            description: metric.description,
          }
        : { key: '', name: '', unit: '', category: 'usage', direction: '', description: '' },
    request: metric
      ? contractRequest(
          updateMetricRequestSchema,
          // Only what changed, so the audit log and a direction's re-evaluation say what was meant.
          (values: MetricValues) => ({
            ...Object.fromEntries(
              EDITABLE.filter((field) => values[field] !== metric[field]).map((field) => [
                field,
                values[field],
              ]),
            ),
            version: metric.version,
          }),
          async (body) => onSaved(await updateMetric.mutateAsync({ key: metric.key, ...body })),
        )
      : contractRequest(
          createMetricRequestSchema,
          (values: MetricValues) => values,
          async (body) => onSaved(await createMetric.mutateAsync(body)),
        ),
    validate: ({ key, name, direction }) => ({
      ...blankFieldErrors({ key, name }, { key: 'Enter a key', name: 'Enter a name' }),
      ...(direction === '' ? { direction: 'Choose which way is better' } : {}),
    }),
    // A new metric's 409 is its key; an edit's is a stale version, said above the fields.
    conflictErrors: metric
      ? undefined
      : (_conflict, { key }) => ({ key: `A metric with the key “${key}” exists already` }),
  });
  const { values, setValue, errorAt } = form;
  const { key, name, unit, category, direction, description } = values;

  return (
    <form onSubmit={form.submit} noValidate>
      <Stack gap="md">
        {form.stale ? (
          // A new metric's conflict is on its key field.
          metric && (
            <Alert color="red" title="Not saved: the metric changed meanwhile" role="alert">
              Someone saved this metric since you opened the form. Copy your changes, cancel, then
              open Edit again to start from the latest version.
            </Alert>
          )
        ) : (
          <FormErrorAlert
            error={form.error}
            fields={FIELDS}
            title={metric ? 'Metric not saved' : 'Metric not created'}
          />
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            label="Name"
            placeholder="e.g. Podcast ad fill rate"
            required
            data-autofocus
            value={name}
            onChange={(event) => {
              const next = event.currentTarget.value;
              setValue('name', next);
              if (!metric && !keyEdited) setValue('key', slugFromName(next));
            }}
            error={errorAt('name')}
          />
          <TextInput
            label="Key"
            description={
              metric
                ? 'What scripts send values under: it never changes.'
                : 'What scripts send values under; never changes. Up to 64 lower-case letters, digits, dots, hyphens or underscores, starting with a letter or digit.'
            }
            placeholder="e.g. podcast-ad-fill-rate"
            required={!metric}
            readOnly={metric !== undefined}
            value={key}
            onChange={(event) => {
              setValue('key', event.currentTarget.value);
              setKeyEdited(true);
            }}
            error={errorAt('key')}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <TextInput
            label="Unit"
            placeholder="%, ms, users"
            value={unit}
            onChange={(event) => setValue('unit', event.currentTarget.value)}
            error={errorAt('unit')}
          />
          <NativeSelect
            label="Category"
            data={metricCategorySchema.options.map((value) => ({
              value,
              label: CATEGORY_LABELS[value],
            }))}
            value={category}
            onChange={(event) =>
              setValue('category', metricCategorySchema.parse(event.currentTarget.value))
            }
            error={errorAt('category')}
          />
          <NativeSelect
            label="Direction"
            required
            data={[
              ...(direction === '' ? [{ value: '', label: 'Choose…', disabled: true }] : []),
              ...metricDirectionSchema.options.map((value) => ({
                value,
                label: DIRECTION_LABELS[value],
              })),
            ]}
            value={direction}
            onChange={(event) =>
              setValue('direction', metricDirectionSchema.parse(event.currentTarget.value))
            }
            error={errorAt('direction')}
          />
        </SimpleGrid>
        {metric && direction !== metric.direction && (
          <Alert color="yellow" variant="light">
            Its guardrails are evaluated again the other way round when you save, and may change
            status.
          </Alert>
        )}
        <Textarea
          label="Description"
          description="Optional: how it is measured and where the values come from."
          autosize
          minRows={2}
          maxRows={6}
          value={description}
          onChange={(event) => setValue('description', event.currentTarget.value)}
          error={errorAt('description')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            {metric ? 'Save metric' : 'Create metric'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
