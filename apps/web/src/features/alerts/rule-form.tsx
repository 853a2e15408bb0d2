import type { AlertRule, AlertRuleTestResult } from '@bearing/contracts';
import {
  Alert as Notice,
  Button,
  Code,
  Group,
  Input,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useId, useState } from 'react';
import { ApiError } from '../../api/api-error';
import { useCreateAlertRule, useTestAlertRule, useUpdateAlertRule } from '../../api/alerts';
import { useQueryCatalog } from '../../api/queries';
import { LazyQueryEditor } from '../explore/lazy-query-editor';
import { FormErrorAlert } from '../../components/form-error-alert';
import { errorAtOrBelow, type PathErrors } from '../../components/path-errors';
import { SEVERITY_OPTIONS } from './alert-labels';
import {
  OPERATORS,
  parseRule,
  RULE_FIELDS,
  ruleErrorsFromProblem,
  type RuleValues,
  sameRule,
  testDaysFor,
} from './rule-draft';
import { RuleTestPreview } from './rule-test-preview';

/** The rule's three durations in minutes, each a whole number typed as text. */
const MINUTES_FIELDS: readonly {
  key: 'everyMinutes' | 'lookbackMinutes' | 'suppressMinutes';
  label: string;
  description: string;
}[] = [
  { key: 'everyMinutes', label: 'Every (minutes)', description: '5 minutes to a day' },
  {
    key: 'lookbackMinutes',
    label: 'Lookback (minutes)',
    description: 'Rows older than this are left out',
  },
  {
    key: 'suppressMinutes',
    label: 'Suppress (minutes)',
    description: 'Quiet time before the same alert fires again',
  },
];

export interface RuleFormProps {
  workspace: string;
  /** The saved rule being edited; a new rule without. */
  rule?: AlertRule | undefined;
  initialValues: RuleValues;
  /** Editors change and test rules; viewers see the rule read-only. */
  editable: boolean;
  onSaved: (rule: AlertRule) => void;
  /** After a stale-version 409: load the rule again and start over from it. */
  onReload?: () => void;
}

/**
 * The rule's fields — name, query, schedule, trigger, severity, suppression, grouping — with
 * "Test rule" (runs it once, now, firing nothing) and "Save rule". Both check the fields with the
 * contract first and show a 400's problems at the field they name, a query's with its line and
 * column.
 */
export function RuleForm({
  workspace,
  rule,
  initialValues,
  editable,
  onSaved,
  onReload,
}: RuleFormProps) {
  const create = useCreateAlertRule(workspace);
  const update = useUpdateAlertRule(workspace);
  const test = useTestAlertRule(workspace);
  // The editor colours and suggests the catalog's words; a viewer reads the query as text.
  const catalog = useQueryCatalog(workspace);
  const queryId = useId();
  // The saved rule as the form was opened on it: a refetch that brings someone else's save
  // neither moves the version these edits are based on (their save is then a 409) nor drops them.
  const [opened] = useState(rule);
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<PathErrors>({});
  const [saveError, setSaveError] = useState<unknown>(null);
  const [testDays, setTestDays] = useState(() => testDaysFor(initialValues.lookbackMinutes));
  const [tested, setTested] = useState<{ result: AlertRuleTestResult; days: number } | null>(null);
  const saving = create.isPending || update.isPending;
  const set = <Key extends keyof RuleValues>(field: Key, value: RuleValues[Key]) =>
    setValues((current) => ({ ...current, [field]: value }));
  const errorAt = (path: string) => errorAtOrBelow(errors, path);
  const stale = saveError instanceof ApiError && saveError.status === 409;

  const onTest = () => {
    const parsed = parseRule(values);
    if ('errors' in parsed) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    setTested(null);
    const days = testDays;
    // The saved rule is tested by its id; edits not saved yet are tested as they stand.
    const request =
      opened && sameRule(parsed.rule, opened)
        ? { ruleId: opened.id, days }
        : { rule: parsed.rule, days };
    test.mutate(request, {
      onSuccess: (result) => setTested({ result, days }),
      onError: (error) => setErrors(ruleErrorsFromProblem(error)),
    });
  };

  const onSave = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseRule(values);
    if ('errors' in parsed) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    setSaveError(null);
    const saved = opened
      ? update.mutateAsync({ id: opened.id, ...parsed.rule, version: opened.version })
      : create.mutateAsync(parsed.rule);
    saved.then(onSaved, (error: unknown) => {
      setSaveError(error);
      setErrors(ruleErrorsFromProblem(error));
    });
  };

  const readOnly = !editable;
  const columnsHint =
    tested && tested.result.columns.length > 0
      ? `Columns of the result: ${tested.result.columns.map((column) => column.name).join(', ')}.`
      : undefined;

  return (
    <form onSubmit={onSave} noValidate aria-label="Alert rule">
      <Stack gap="md">
        {stale ? (
          <Notice color="yellow" title="Someone else changed this rule" role="alert">
            <Stack gap="xs" align="flex-start">
              The rule was saved by someone else after you opened it, so your changes were not
              saved. Load their version to see what changed, then make your edits again.
              {onReload && (
                <Button size="xs" variant="white" onClick={onReload}>
                  Load the latest version
                </Button>
              )}
            </Stack>
          </Notice>
        ) : (
          <FormErrorAlert
            error={saveError}
            fields={RULE_FIELDS}
            title={rule ? 'Rule not saved' : 'Rule not created'}
          />
        )}
        <TextInput
          label="Name"
          placeholder="e.g. Latency above 200 ms"
          required
          readOnly={readOnly}
          value={values.name}
          onChange={(event) => set('name', event.currentTarget.value)}
          error={errorAt('name')}
        />
        <Input.Wrapper
          label="Query"
          labelElement="div"
          required
          description="The query the rule runs, in the query language of Explore; now() and ago() mean the time of each run. Ctrl+Enter tests it."
          descriptionProps={{ id: `${queryId}-description` }}
          error={errorAt('query')}
          errorProps={{ id: `${queryId}-error`, style: { whiteSpace: 'pre-line' } }}
        >
          {readOnly ? (
            <Code block>{values.query}</Code>
          ) : (
            <LazyQueryEditor
              value={values.query}
              onChange={(query) => set('query', query)}
              onRun={onTest}
              catalog={catalog.data}
              label="Query"
              describedBy={
                errorAt('query') === undefined
                  ? `${queryId}-description`
                  : `${queryId}-description ${queryId}-error`
              }
            />
          )}
        </Input.Wrapper>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {MINUTES_FIELDS.map(({ key, label, description }) => (
            <TextInput
              key={key}
              label={label}
              description={description}
              inputMode="numeric"
              readOnly={readOnly}
              value={values[key]}
              onChange={(event) => set(key, event.currentTarget.value)}
              error={errorAt(key)}
            />
          ))}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label="Trigger column"
            description={columnsHint ?? 'Blank: compare the number of rows'}
            placeholder="number of rows"
            spellCheck={false}
            readOnly={readOnly}
            value={values.triggerColumn}
            onChange={(event) => set('triggerColumn', event.currentTarget.value)}
            error={errorAt('trigger.column')}
          />
          <NativeSelect
            label="Operator"
            description="Fires when any row matches"
            data={OPERATORS.map((op) => ({ value: op, label: op }))}
            disabled={readOnly}
            value={values.operator}
            onChange={(event) =>
              set(
                'operator',
                OPERATORS.find((op) => op === event.currentTarget.value) ?? values.operator,
              )
            }
            error={errorAt('trigger.op')}
          />
          <TextInput
            label="Threshold"
            description="A number"
            inputMode="decimal"
            readOnly={readOnly}
            value={values.threshold}
            onChange={(event) => set('threshold', event.currentTarget.value)}
            error={errorAt('trigger.threshold')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label="Severity"
            data={SEVERITY_OPTIONS.map((option) => ({ ...option }))}
            disabled={readOnly}
            value={values.severity}
            onChange={(event) =>
              set(
                'severity',
                SEVERITY_OPTIONS.find((option) => option.value === event.currentTarget.value)
                  ?.value ?? values.severity,
              )
            }
            error={errorAt('severity')}
          />
          <TextInput
            label="Group by"
            description="Optional: one alert per value of this column"
            spellCheck={false}
            readOnly={readOnly}
            value={values.groupBy}
            onChange={(event) => set('groupBy', event.currentTarget.value)}
            error={errorAt('groupBy')}
          />
          <Switch
            label="Enabled"
            description="Runs on its schedule"
            mt="lg"
            disabled={readOnly}
            checked={values.enabled}
            onChange={(event) => set('enabled', event.currentTarget.checked)}
            error={errorAt('enabled')}
          />
        </SimpleGrid>
        {editable && (
          <Group align="flex-end" gap="sm">
            <NumberInput
              label="Test over (days)"
              min={1}
              max={366}
              allowDecimal={false}
              w={140}
              value={testDays}
              onChange={(value) => setTestDays(typeof value === 'number' ? value : 1)}
            />
            <Button variant="default" onClick={onTest} loading={test.isPending}>
              Test rule
            </Button>
            <Button type="submit" loading={saving}>
              Save rule
            </Button>
          </Group>
        )}
        {test.isError && Object.keys(ruleErrorsFromProblem(test.error)).length === 0 && (
          <FormErrorAlert error={test.error} fields={[]} title="The test did not run" />
        )}
        {tested && <RuleTestPreview result={tested.result} days={tested.days} />}
      </Stack>
    </form>
  );
}
