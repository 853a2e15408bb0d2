import {
  programHealthSchema,
  type StatusReport,
  updateStatusReportRequestSchema,
} from '@bearing/contracts';
import { Alert, Button, Group, NativeSelect, Paper, Stack, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../../api/api-error';
import { useUpdateStatusReport } from '../../../api/status-reports';
import {
  type FieldErrors,
  fieldErrorsFromIssues,
  fieldErrorsFromProblem,
} from '../../../components/field-errors';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { HEALTH_OPTIONS, HEALTH_STYLES } from '../../programs/program-labels';
import {
  draftFieldsOf,
  draftRequestOf,
  isDirty,
  type ReportDraftFields,
} from './report-draft-fields';

const FIELDS = ['health', 'healthReason', 'summary', 'highlights', 'lowlights', 'asks'] as const;

export interface ReportDraftFormProps {
  workspace: string;
  report: StatusReport;
  /** Told whenever the form starts or stops differing from the saved draft. */
  onDirtyChange: (dirty: boolean) => void;
}

/** The words of a draft: health (a reason when overriding the suggestion), summary and lists. */
export function ReportDraftForm({ workspace, report, onDirtyChange }: ReportDraftFormProps) {
  const update = useUpdateStatusReport(workspace, report.programId, report.id);
  const [fields, setFields] = useState<ReportDraftFields>(() => draftFieldsOf(report));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const overriding = fields.health !== report.suggestedHealth;

  const change = (patch: Partial<ReportDraftFields>) => {
    const next = { ...fields, ...patch };
    setFields(next);
    onDirtyChange(isDirty(next, report));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const request = draftRequestOf(fields);
    if (overriding && request.healthReason === null) {
      return setFieldErrors({
        healthReason: `Say why the health is ${HEALTH_STYLES[fields.health].label.toLowerCase()} when the data suggests ${HEALTH_STYLES[report.suggestedHealth].label.toLowerCase()}`,
      });
    }
    const parsed = updateStatusReportRequestSchema.safeParse({
      ...request,
      version: report.version,
    });
    if (!parsed.success) return setFieldErrors(fieldErrorsFromIssues(parsed.error.issues));
    setFieldErrors({});
    update.mutate(parsed.data, {
      onSuccess: () => onDirtyChange(false),
      onError: (error) => setFieldErrors(fieldErrorsFromProblem(error)),
    });
  };

  const conflict =
    update.error instanceof ApiError && update.error.status === 409 ? update.error : null;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="draft-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h4" id="draft-title">
            The draft
          </Title>
          {conflict ? (
            <Alert color="red" title="Not saved: the report changed meanwhile" role="alert">
              {conflict.detail} Copy your text, reload the page to see the latest version, then
              apply your edits again.
            </Alert>
          ) : (
            <FormErrorAlert error={update.error} fields={FIELDS} title="Draft not saved" />
          )}
          <NativeSelect
            label="Health"
            description={`The data suggests ${HEALTH_STYLES[report.suggestedHealth].label.toLowerCase()}; choosing another needs a reason.`}
            data={HEALTH_OPTIONS.map((option) => ({
              value: option.value,
              label:
                option.value === report.suggestedHealth
                  ? `${option.label} (suggested)`
                  : option.label,
            }))}
            value={fields.health}
            onChange={(event) =>
              change({ health: programHealthSchema.parse(event.currentTarget.value) })
            }
            error={fieldErrors.health}
          />
          <Textarea
            label="Health reason"
            description={overriding ? 'Required: you override the suggested health.' : 'Optional'}
            required={overriding}
            autosize
            minRows={2}
            value={fields.healthReason}
            onChange={(event) => change({ healthReason: event.currentTarget.value })}
            error={fieldErrors.healthReason}
          />
          <Textarea
            label="Summary"
            description="The first paragraph is what executives read."
            autosize
            minRows={4}
            value={fields.summary}
            onChange={(event) => change({ summary: event.currentTarget.value })}
            error={fieldErrors.summary}
          />
          <Textarea
            label="Highlights"
            description="One per line."
            autosize
            minRows={2}
            value={fields.highlights}
            onChange={(event) => change({ highlights: event.currentTarget.value })}
            error={fieldErrors.highlights}
          />
          <Textarea
            label="Lowlights"
            description="One per line."
            autosize
            minRows={2}
            value={fields.lowlights}
            onChange={(event) => change({ lowlights: event.currentTarget.value })}
            error={fieldErrors.lowlights}
          />
          <Textarea
            label="Asks"
            description="One per line: what you need from the readers."
            autosize
            minRows={2}
            value={fields.asks}
            onChange={(event) => change({ asks: event.currentTarget.value })}
            error={fieldErrors.asks}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending}>
              Save draft
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
