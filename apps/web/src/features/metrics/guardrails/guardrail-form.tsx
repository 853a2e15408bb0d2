import type { Guardrail, Metric } from '@bearing/contracts';
import {
  Button,
  Group,
  Input,
  NativeSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useCreateGuardrail, useUpdateGuardrail } from '../../../api/guardrails';
import { fieldErrorsFromProblem } from '../../../components/field-errors';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { useContractForm } from '../../../components/use-contract-form';
import {
  checkEditedGuardrail,
  checkNewGuardrail,
  emptyGuardrailDraft,
  explainProblemErrors,
  type GuardrailDraft,
  guardrailDraftOf,
} from './guardrail-draft';

const FIELDS = ['metricKey', 'baseline', 'threshold', 'warnAt'] as const;

export interface GuardrailFormProps {
  workspace: string;
  metrics: readonly Metric[];
  /** A new guardrail's metric, when started from the metric's page. */
  defaultMetricKey?: string | undefined;
  guardrail?: Guardrail | undefined;
  onSaved: (guardrail: Guardrail) => void;
  onCancel: () => void;
}

/** The metric to guard, where it starts, how far it may move in its bad direction, when to warn. */
export function GuardrailForm({
  workspace,
  metrics,
  defaultMetricKey,
  guardrail,
  onSaved,
  onCancel,
}: GuardrailFormProps) {
  const createGuardrail = useCreateGuardrail(workspace);
  const updateGuardrail = useUpdateGuardrail(workspace);
  const form = useContractForm<GuardrailDraft>({
    initialValues: () =>
      guardrail
        ? guardrailDraftOf(guardrail)
        : emptyGuardrailDraft(defaultMetricKey ?? metrics[0]?.key ?? ''),
    // The draft module reads the typed numbers and words the schema's complaints for them.
    request: {
      parse: (draft) => {
        if (guardrail) {
          const checked = checkEditedGuardrail(draft, guardrail.version);
          if (!checked.ok) return { errors: checked.errors };
          return {
            save: async () =>
              onSaved(await updateGuardrail.mutateAsync({ id: guardrail.id, ...checked.request })),
          };
        }
        const checked = checkNewGuardrail(draft);
        if (!checked.ok) return { errors: checked.errors };
        return { save: async () => onSaved(await createGuardrail.mutateAsync(checked.request)) };
      },
    },
    serverErrors: (error, draft) => explainProblemErrors(fieldErrorsFromProblem(error), draft),
  });
  const { values: draft, setValues: change, errorAt } = form;
  const metric = metrics.find((candidate) => candidate.key === draft.metricKey);
  const unit = guardrail?.metric.unit ?? metric?.unit ?? '';
  const direction = guardrail?.metric.direction ?? metric?.direction;
  const worse = direction === 'decrease-is-good' ? 'rise' : 'fall';

  return (
    <form onSubmit={form.submit} noValidate>
      <Stack gap="md">
        <FormErrorAlert
          error={form.error}
          fields={FIELDS}
          title={guardrail ? 'Guardrail not saved' : 'Guardrail not created'}
        />
        <NativeSelect
          label="Metric"
          description={
            guardrail ? 'A guardrail keeps its metric.' : 'The number that must not get worse.'
          }
          data={
            guardrail
              ? [{ value: guardrail.metricKey, label: guardrail.metric.name }]
              : metrics.map((candidate) => ({
                  value: candidate.key,
                  label: `${candidate.name} (${candidate.key})`,
                }))
          }
          value={draft.metricKey}
          disabled={guardrail !== undefined}
          onChange={(event) => change({ metricKey: event.currentTarget.value })}
          error={errorAt('metricKey')}
        />
        <TextInput
          label="Baseline"
          description="Where the metric stands before the change, e.g. last quarter’s level."
          inputMode="decimal"
          required
          data-autofocus
          value={draft.baseline}
          onChange={(event) => change({ baseline: event.currentTarget.value })}
          error={errorAt('baseline')}
          rightSection={unit || undefined}
        />
        <Input.Wrapper
          label={`How far it may ${worse}`}
          description={
            draft.thresholdType === 'relative'
              ? 'A share of the baseline: 10 means it may move 10 % of the baseline.'
              : `An amount in the metric’s unit${unit ? ` (${unit})` : ''}.`
          }
          error={errorAt('threshold')}
        >
          <SimpleGrid cols={2} mt={4}>
            <SegmentedControl
              aria-label="Threshold type"
              value={draft.thresholdType}
              onChange={(value) =>
                change({ thresholdType: value === 'absolute' ? 'absolute' : 'relative' })
              }
              data={[
                { value: 'relative', label: 'Percent of baseline' },
                { value: 'absolute', label: 'Amount' },
              ]}
            />
            <TextInput
              aria-label="Threshold"
              inputMode="decimal"
              value={draft.thresholdValue}
              onChange={(event) => change({ thresholdValue: event.currentTarget.value })}
              error={Boolean(errorAt('threshold'))}
              rightSection={draft.thresholdType === 'relative' ? '%' : unit || undefined}
            />
          </SimpleGrid>
        </Input.Wrapper>
        <TextInput
          label="Warn at"
          description="Share of that margin used up at which it turns to warning; empty = 80 %."
          inputMode="decimal"
          placeholder="80"
          value={draft.warnAtPercent}
          onChange={(event) => change({ warnAtPercent: event.currentTarget.value })}
          error={errorAt('warnAt')}
          rightSection="%"
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            {guardrail ? 'Save guardrail' : 'Create guardrail'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
