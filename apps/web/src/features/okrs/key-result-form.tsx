import {
  checkInCadenceSchema,
  type KeyResult,
  keyResultKindSchema,
  type Objective,
} from '@bearing/contracts';
import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useMetrics } from '../../api/metrics';
import { useCreateKeyResult, useUpdateKeyResult } from '../../api/okrs';
import { type FieldErrors, fieldErrorsFromProblem } from '../../components/field-errors';
import { FormErrorAlert } from '../../components/form-error-alert';
import {
  checkEditedKeyResult,
  checkNewKeyResult,
  draftOf,
  emptyDraft,
  type KeyResultDraft,
} from './key-result-draft';
import { CADENCE_LABELS, KIND_DESCRIPTIONS, KIND_LABELS } from './okr-labels';

const FIELDS = [
  'objectiveId',
  'title',
  'kind',
  'unit',
  'baseline',
  'target',
  'weight',
  'cadence',
  'metricKey',
] as const;

export interface KeyResultFormProps {
  workspace: string;
  /** The objectives it may belong to (those of the period shown). */
  objectives: readonly Objective[];
  defaultObjectiveId: string;
  /** The key result to edit; a new one without. */
  keyResult?: KeyResult | undefined;
  onSaved: (keyResult: KeyResult) => void;
  onCancel: () => void;
}

/**
 * What a key result measures and how: kind, unit, baseline, target, weight, check-in cadence and
 * optionally the metric that feeds its current value. Checked inline with the API's rules.
 */
export function KeyResultForm({
  workspace,
  objectives,
  defaultObjectiveId,
  keyResult,
  onSaved,
  onCancel,
}: KeyResultFormProps) {
  const createKeyResult = useCreateKeyResult(workspace);
  const updateKeyResult = useUpdateKeyResult(workspace);
  const mutation = keyResult ? updateKeyResult : createKeyResult;
  const metrics = useMetrics(workspace);
  const [draft, setDraft] = useState<KeyResultDraft>(
    keyResult ? draftOf(keyResult) : emptyDraft(defaultObjectiveId),
  );
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const change = (fields: Partial<KeyResultDraft>) =>
    setDraft((current) => ({ ...current, ...fields }));
  const milestone = draft.kind === 'milestone';
  const holding = draft.kind === 'stay-above' || draft.kind === 'stay-below';

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const onError = (error: unknown) => setFieldErrors(fieldErrorsFromProblem(error));
    if (keyResult) {
      const checked = checkEditedKeyResult(draft, keyResult.version);
      if (!checked.ok) return setFieldErrors(checked.errors);
      setFieldErrors({});
      updateKeyResult.mutate(
        { id: keyResult.id, ...checked.request },
        { onSuccess: onSaved, onError },
      );
    } else {
      const checked = checkNewKeyResult(draft);
      if (!checked.ok) return setFieldErrors(checked.errors);
      setFieldErrors({});
      createKeyResult.mutate(checked.request, { onSuccess: onSaved, onError });
    }
  };

  const metricOptions = [
    { value: '', label: 'None: checked in by hand' },
    ...(metrics.data ?? []).map((metric) => ({
      value: metric.key,
      label: `${metric.name} (${metric.key})`,
    })),
  ];
  if (draft.metricKey && !metricOptions.some((option) => option.value === draft.metricKey)) {
    metricOptions.push({ value: draft.metricKey, label: draft.metricKey });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormErrorAlert
          error={mutation.error}
          fields={FIELDS}
          title={keyResult ? 'Key result not saved' : 'Key result not created'}
        />
        <NativeSelect
          label="Objective"
          data={objectives.map((objective) => ({ value: objective.id, label: objective.title }))}
          value={draft.objectiveId}
          onChange={(event) => change({ objectiveId: event.currentTarget.value })}
          error={fieldErrors.objectiveId}
        />
        <TextInput
          label="Title"
          placeholder="e.g. Podcast ad fill rate from 40 % to 70 %"
          required
          data-autofocus
          value={draft.title}
          onChange={(event) => change({ title: event.currentTarget.value })}
          error={fieldErrors.title}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <NativeSelect
            label="Kind"
            description={KIND_DESCRIPTIONS[draft.kind]}
            data={keyResultKindSchema.options.map((kind) => ({
              value: kind,
              label: KIND_LABELS[kind],
            }))}
            value={draft.kind}
            onChange={(event) =>
              change({ kind: keyResultKindSchema.parse(event.currentTarget.value) })
            }
            error={fieldErrors.kind}
          />
          {!milestone && (
            <TextInput
              label="Unit"
              description="Shown after values, e.g. %, ms, users."
              value={draft.unit}
              onChange={(event) => change({ unit: event.currentTarget.value })}
              error={fieldErrors.unit}
            />
          )}
        </SimpleGrid>
        {!milestone && (
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput
              label="Baseline"
              description={holding ? 'Optional: where it stands today.' : 'Where it starts.'}
              inputMode="decimal"
              required={!holding}
              value={draft.baseline}
              onChange={(event) => change({ baseline: event.currentTarget.value })}
              error={fieldErrors.baseline}
            />
            <TextInput
              label="Target"
              description={
                draft.kind === 'stay-above'
                  ? 'The value to stay at or above.'
                  : draft.kind === 'stay-below'
                    ? 'The value to stay at or below.'
                    : 'Where it should be at the end of the period.'
              }
              inputMode="decimal"
              required
              value={draft.target}
              onChange={(event) => change({ target: event.currentTarget.value })}
              error={fieldErrors.target}
            />
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            label="Weight"
            description="Its share in the objective’s progress, relative to the others."
            inputMode="decimal"
            required
            value={draft.weight}
            onChange={(event) => change({ weight: event.currentTarget.value })}
            error={fieldErrors.weight}
          />
          <NativeSelect
            label="Check-in cadence"
            description="How often the owner is expected to check in."
            data={checkInCadenceSchema.options.map((cadence) => ({
              value: cadence,
              label: CADENCE_LABELS[cadence],
            }))}
            value={draft.cadence}
            onChange={(event) =>
              change({ cadence: checkInCadenceSchema.parse(event.currentTarget.value) })
            }
            error={fieldErrors.cadence}
          />
        </SimpleGrid>
        {!milestone && (
          <NativeSelect
            label="Follows metric"
            description="Optional: the metric’s latest value becomes the current value."
            data={metricOptions}
            value={draft.metricKey}
            disabled={metrics.isPending}
            onChange={(event) => change({ metricKey: event.currentTarget.value })}
            error={fieldErrors.metricKey}
          />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {keyResult ? 'Save key result' : 'Create key result'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
