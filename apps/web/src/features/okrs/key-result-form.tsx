import {
  checkInCadenceSchema,
  type KeyResult,
  keyResultKindSchema,
  type Objective,
} from '@bearing/contracts';
import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMetrics } from '../../api/metrics';
import { useCreateKeyResult, useUpdateKeyResult } from '../../api/okrs';
import { FormErrorAlert } from '../../components/form-error-alert';
import { useContractForm } from '../../components/use-contract-form';
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
  const metrics = useMetrics(workspace);
  /** The metric a draft follows, once the list has it: its unit is the key result's. */
  const followedMetric = (metricKey: string) =>
    metricKey === '' ? undefined : metrics.data?.find((metric) => metric.key === metricKey);
  const form = useContractForm<KeyResultDraft>({
    initialValues: () => (keyResult ? draftOf(keyResult) : emptyDraft(defaultObjectiveId)),
    // The draft module checks rules across fields the schema cannot (a target past the
    // baseline), so the request is built from its answer rather than from the schema alone.
    request: {
      parse: (typed) => {
        // The API refuses any unit but the followed metric's (400 at unit): send the metric's,
        // as the form shows it — even if the metric's unit changed since the draft was filled.
        const metric = typed.kind === 'milestone' ? undefined : followedMetric(typed.metricKey);
        const draft = metric ? { ...typed, unit: metric.unit } : typed;
        if (keyResult) {
          const checked = checkEditedKeyResult(draft, keyResult.version);
          if (!checked.ok) return { errors: checked.errors };
          return {
            save: async () =>
              onSaved(await updateKeyResult.mutateAsync({ id: keyResult.id, ...checked.request })),
          };
        }
        const checked = checkNewKeyResult(draft);
        if (!checked.ok) return { errors: checked.errors };
        return { save: async () => onSaved(await createKeyResult.mutateAsync(checked.request)) };
      },
    },
  });
  const { values: draft, setValues: change, errorAt } = form;
  const milestone = draft.kind === 'milestone';
  const holding = draft.kind === 'stay-above' || draft.kind === 'stay-below';
  const followsMetric = !milestone && draft.metricKey !== '';
  const metric = followsMetric ? followedMetric(draft.metricKey) : undefined;

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
    <form onSubmit={form.submit} noValidate>
      <Stack gap="md">
        <FormErrorAlert
          error={form.error}
          fields={FIELDS}
          title={keyResult ? 'Key result not saved' : 'Key result not created'}
        />
        <NativeSelect
          label="Objective"
          data={objectives.map((objective) => ({ value: objective.id, label: objective.title }))}
          value={draft.objectiveId}
          onChange={(event) => change({ objectiveId: event.currentTarget.value })}
          error={errorAt('objectiveId')}
        />
        <TextInput
          label="Title"
          placeholder="e.g. Podcast ad fill rate from 40 % to 70 %"
          required
          data-autofocus
          value={draft.title}
          onChange={(event) => change({ title: event.currentTarget.value })}
          error={errorAt('title')}
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
            error={errorAt('kind')}
          />
          {!milestone &&
            (followsMetric ? (
              // A key result that follows a metric is measured in the metric's unit: its baseline
              // and target are compared with the metric's values.
              <TextInput
                label="Unit"
                description={
                  metric
                    ? `From the metric ${metric.name}${metric.unit === '' ? ', which has no unit' : ''}.`
                    : 'From the metric it follows.'
                }
                readOnly
                value={metric?.unit ?? draft.unit}
                error={errorAt('unit')}
              />
            ) : (
              <TextInput
                label="Unit"
                description="Shown after values, e.g. %, ms, users."
                value={draft.unit}
                onChange={(event) => change({ unit: event.currentTarget.value })}
                error={errorAt('unit')}
              />
            ))}
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
              error={errorAt('baseline')}
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
              error={errorAt('target')}
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
            error={errorAt('weight')}
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
            error={errorAt('cadence')}
          />
        </SimpleGrid>
        {!milestone && (
          <NativeSelect
            label="Follows metric"
            description="Optional: the metric’s latest value becomes the current value."
            data={metricOptions}
            value={draft.metricKey}
            disabled={metrics.isPending}
            onChange={(event) => {
              const metricKey = event.currentTarget.value;
              const chosen = followedMetric(metricKey);
              // Following a metric takes its unit; following none leaves the unit to edit.
              change(chosen ? { metricKey, unit: chosen.unit } : { metricKey });
            }}
            error={errorAt('metricKey')}
          />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            {keyResult ? 'Save key result' : 'Create key result'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
