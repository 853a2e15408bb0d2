import {
  createMetricRequestSchema,
  type Metric,
  type MetricCategory,
  metricCategorySchema,
  type MetricDirection,
  metricDirectionSchema,
} from '@bearing/contracts';
import { Button, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useCreateMetric } from '../../api/metrics';
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
  direction: MetricDirection;
  description: string;
}

export interface MetricFormProps {
  workspace: string;
  onCreated: (metric: Metric) => void;
  onCancel: () => void;
}

/**
 * A new KPI: its name, the key pushers send values under (suggested from the name until edited,
 * as a team's slug is), unit, category and good direction.
 */
export function MetricForm({ workspace, onCreated, onCancel }: MetricFormProps) {
  const createMetric = useCreateMetric(workspace);
  const [keyEdited, setKeyEdited] = useState(false);

  const form = useContractForm<MetricValues>({
    initialValues: {
      key: '',
      name: '',
      unit: '',
      category: 'usage',
      direction: 'increase-is-good',
      description: '',
    },
    request: contractRequest(
      createMetricRequestSchema,
      (values: MetricValues) => values,
      async (body) => onCreated(await createMetric.mutateAsync(body)),
    ),
    validate: ({ key, name }) =>
      blankFieldErrors({ key, name }, { key: 'Enter a key', name: 'Enter a name' }),
    conflictErrors: (_conflict, { key }) => ({
      key: `A metric with the key “${key}” exists already`,
    }),
  });
  const { values, setValue, errorAt } = form;
  const { key, name, unit, category, direction, description } = values;

  return (
    <form onSubmit={form.submit} noValidate>
      <Stack gap="md">
        {!form.stale && (
          <FormErrorAlert error={form.error} fields={FIELDS} title="Metric not created" />
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
              if (!keyEdited) setValue('key', slugFromName(next));
            }}
            error={errorAt('name')}
          />
          <TextInput
            label="Key"
            description="What scripts send values under; never changes. Up to 64 lower-case letters, digits, dots, hyphens or underscores, starting with a letter or digit."
            placeholder="e.g. podcast-ad-fill-rate"
            required
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
            data={metricDirectionSchema.options.map((value) => ({
              value,
              label: DIRECTION_LABELS[value],
            }))}
            value={direction}
            onChange={(event) =>
              setValue('direction', metricDirectionSchema.parse(event.currentTarget.value))
            }
            error={errorAt('direction')}
          />
        </SimpleGrid>
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
            Create metric
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
