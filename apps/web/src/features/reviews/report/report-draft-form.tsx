import {
  programHealthSchema,
  type StatusReport,
  updateStatusReportRequestSchema,
} from '@bearing/contracts';
import { Alert, Button, Group, NativeSelect, Paper, Stack, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../api/api-error';
import { useUpdateStatusReport } from '../../../api/status-reports';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { contractRequest, useContractForm } from '../../../components/use-contract-form';
import { HEALTH_OPTIONS, HEALTH_STYLES } from '../../programs/program-labels';
import {
  draftFieldsOf,
  draftRequestOf,
  isDirty,
  type ReportDraftFields,
  sameWords,
} from './report-draft-fields';

const FIELDS = ['health', 'healthReason', 'summary', 'highlights', 'lowlights', 'asks'] as const;

export interface ReportDraftFormProps {
  workspace: string;
  /** The draft as last fetched: a refetch may bring a version newer than the form's words. */
  report: StatusReport;
  /** Told whenever the form starts or stops differing from the saved draft it started from. */
  onDirtyChange: (dirty: boolean) => void;
  /** Fetches the draft again and starts the form over from it, dropping the edits. */
  onReload: () => void;
}

/**
 * The words of a draft: health (a reason when overriding the suggestion), summary and lists.
 * Saved with the version of the draft the words were filled from, not of the latest fetch, so a
 * draft someone else saved meanwhile is refused (409) instead of overwritten.
 */
export function ReportDraftForm({
  workspace,
  report,
  onDirtyChange,
  onReload,
}: ReportDraftFormProps) {
  const update = useUpdateStatusReport(workspace, report.programId, report.id);
  // The saved draft the form's words start from; the answer of each save replaces it.
  const [base, setBase] = useState(report);
  const contract = contractRequest(
    updateStatusReportRequestSchema,
    (fields: ReportDraftFields) => ({ ...draftRequestOf(fields), version: base.version }),
    async (body) => setBase(await update.mutateAsync(body)),
  );
  const form = useContractForm<ReportDraftFields>({
    initialValues: () => draftFieldsOf(report),
    request: {
      // Overriding the suggested health without a reason is said alone, before the schema.
      parse: (fields) =>
        fields.health !== report.suggestedHealth && draftRequestOf(fields).healthReason === null
          ? {
              errors: {
                healthReason: `Say why the health is ${HEALTH_STYLES[fields.health].label.toLowerCase()} when the data suggests ${HEALTH_STYLES[report.suggestedHealth].label.toLowerCase()}`,
              },
            }
          : contract.parse(fields),
    },
  });

  // A newer saved draft (a refetch) is taken in wherever no typed word is lost: when its words
  // are the form's, or the ones the form started from (new numbers only), or when nothing was
  // typed (the form shows the saved words). Otherwise the form stays on its own words and says so.
  if (!form.submitting && report.version > base.version) {
    if (sameWords(report, form.values) || sameWords(report, draftFieldsOf(base))) {
      setBase(report);
    } else if (!isDirty(form.values, base)) {
      setBase(report);
      form.setValues(draftFieldsOf(report));
    }
  }
  const behind = report.version > base.version;
  const dirty = isDirty(form.values, base);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const { values: fields, errorAt } = form;
  const overriding = fields.health !== report.suggestedHealth;

  const change = (patch: Partial<ReportDraftFields>) => form.setValues(patch);

  const conflict = form.error instanceof ApiError && form.error.status === 409 ? form.error : null;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="draft-title">
      <form onSubmit={form.submit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h4" id="draft-title">
            The draft
          </Title>
          {conflict ? (
            <Alert color="red" title="Not saved: the report changed meanwhile" role="alert">
              <Stack gap="xs" align="flex-start">
                <span>
                  {conflict.detail} Copy your text, load the latest version, then apply your edits
                  again.
                </span>
                <ReloadButton onReload={onReload} />
              </Stack>
            </Alert>
          ) : behind ? (
            <Alert color="yellow" title="The draft was saved meanwhile" role="alert">
              <Stack gap="xs" align="flex-start">
                <span>
                  Someone saved other words since you started editing, so saving yours would be
                  refused. Copy your text, load the latest version, then apply your edits again.
                </span>
                <ReloadButton onReload={onReload} />
              </Stack>
            </Alert>
          ) : (
            <FormErrorAlert error={form.error} fields={FIELDS} title="Draft not saved" />
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
            error={errorAt('health')}
          />
          <Textarea
            label="Health reason"
            description={overriding ? 'Required: you override the suggested health.' : 'Optional'}
            required={overriding}
            autosize
            minRows={2}
            value={fields.healthReason}
            onChange={(event) => change({ healthReason: event.currentTarget.value })}
            error={errorAt('healthReason')}
          />
          <Textarea
            label="Summary"
            description="The first paragraph is what executives read."
            autosize
            minRows={4}
            value={fields.summary}
            onChange={(event) => change({ summary: event.currentTarget.value })}
            error={errorAt('summary')}
          />
          <Textarea
            label="Highlights"
            description="One per line."
            autosize
            minRows={2}
            value={fields.highlights}
            onChange={(event) => change({ highlights: event.currentTarget.value })}
            error={errorAt('highlights')}
          />
          <Textarea
            label="Lowlights"
            description="One per line."
            autosize
            minRows={2}
            value={fields.lowlights}
            onChange={(event) => change({ lowlights: event.currentTarget.value })}
            error={errorAt('lowlights')}
          />
          <Textarea
            label="Asks"
            description="One per line: what you need from the readers."
            autosize
            minRows={2}
            value={fields.asks}
            onChange={(event) => change({ asks: event.currentTarget.value })}
            error={errorAt('asks')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={form.submitting}>
              Save draft
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function ReloadButton({ onReload }: { onReload: () => void }) {
  return (
    <Button size="xs" variant="default" onClick={onReload}>
      Load the latest version (drops your edits)
    </Button>
  );
}
