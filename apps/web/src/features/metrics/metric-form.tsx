import {
  createMetricRequestSchema,
  type Metric,
  type MetricCategory,
  metricCategorySchema,
  type MetricDirection,
  metricDirectionSchema,
} from '@bearing/contracts';
import { Button, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/api-error';
import { useCreateMetric } from '../../api/metrics';
import {
  type FieldErrors,
  fieldErrorsFromIssues,
  fieldErrorsFromProblem,
} from '../../components/field-errors';
import { FormErrorAlert } from '../../components/form-error-alert';
import { blankFieldErrors } from '../../components/required-fields';
import { slugFromName } from '../workspaces/slug-from-name';
import { CATEGORY_LABELS, DIRECTION_LABELS } from './metric-labels';

const FIELDS = ['key', 'name', 'unit', 'category', 'direction', 'description'] as const;

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
  const [key, setKey] = useState('');
  const [keyEdited, setKeyEdited] = useState(false);
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [category, setCategory] = useState<MetricCategory>('usage');
  const [direction, setDirection] = useState<MetricDirection>('increase-is-good');
  const [description, setDescription] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const blank = blankFieldErrors({ key, name }, { key: 'Enter a key', name: 'Enter a name' });
    const parsed = createMetricRequestSchema.safeParse({
      key,
      name,
      unit,
      category,
      direction,
      description,
    });
    if (!parsed.success) {
      setFieldErrors({ ...fieldErrorsFromIssues(parsed.error.issues), ...blank });
      return;
    }
    setFieldErrors({});
    createMetric.mutate(parsed.data, {
      onSuccess: onCreated,
      onError: (error) =>
        setFieldErrors(
          error instanceof ApiError && error.status === 409
            ? { key: `A metric with the key “${key}” exists already` }
            : fieldErrorsFromProblem(error),
        ),
    });
  };

  const error = createMetric.error;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {!(error instanceof ApiError && error.status === 409) && (
          <FormErrorAlert error={error} fields={FIELDS} title="Metric not created" />
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
              setName(next);
              if (!keyEdited) setKey(slugFromName(next));
            }}
            error={fieldErrors.name}
          />
          <TextInput
            label="Key"
            description="What scripts send values under; never changes. Up to 64 lower-case letters, digits, dots, hyphens or underscores, starting with a letter or digit."
            placeholder="e.g. podcast-ad-fill-rate"
            required
            value={key}
            onChange={(event) => {
              setKey(event.currentTarget.value);
              setKeyEdited(true);
            }}
            error={fieldErrors.key}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <TextInput
            label="Unit"
            placeholder="%, ms, users"
            value={unit}
            onChange={(event) => setUnit(event.currentTarget.value)}
            error={fieldErrors.unit}
          />
          <NativeSelect
            label="Category"
            data={metricCategorySchema.options.map((value) => ({
              value,
              label: CATEGORY_LABELS[value],
            }))}
            value={category}
            onChange={(event) => setCategory(metricCategorySchema.parse(event.currentTarget.value))}
            error={fieldErrors.category}
          />
          <NativeSelect
            label="Direction"
            data={metricDirectionSchema.options.map((value) => ({
              value,
              label: DIRECTION_LABELS[value],
            }))}
            value={direction}
            onChange={(event) =>
              setDirection(metricDirectionSchema.parse(event.currentTarget.value))
            }
            error={fieldErrors.direction}
          />
        </SimpleGrid>
        <Textarea
          label="Description"
          description="Optional: how it is measured and where the values come from."
          autosize
          minRows={2}
          maxRows={6}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={fieldErrors.description}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={createMetric.isPending}>
            Create metric
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
