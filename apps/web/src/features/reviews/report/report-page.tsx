import { Anchor, Breadcrumbs, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useProgram } from '../../../api/programs';
import {
  usePublishStatusReport,
  useRegenerateStatusReport,
  useStatusReport,
} from '../../../api/status-reports';
import { workspacePath } from '../../../app/layout/navigation-items';
import { ConfirmModal } from '../../../components/confirm-modal';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDay } from '../../../components/format';
import { LoadingRows } from '../../../components/loading-rows';
import { PageHeader } from '../../../components/page-header';
import { StatusBadge } from '../../../components/status-badge';
import { useDocumentTitle } from '../../../components/use-document-title';
import { programPagePath } from '../../programs/report-links';
import { canEdit } from '../../workspaces/roles';
import { useWorkspace } from '../../workspaces/use-workspace';
import { REPORT_STATE_STYLES } from '../review-labels';
import { AudiencePreview } from './audience-preview';
import { ReportDraftForm } from './report-draft-form';
import { ReportNumbers } from './report-numbers';
import classes from './report-print.module.css';
import { ReportWords } from './report-words';

/**
 * `/w/:workspace/programs/:id/reports/:reportId`: a draft's editor (the words on one side, the
 * numbers they came from on the other), or a published report read-only; both with the audience
 * preview and export. Printing shows the chosen audience's rendering only.
 */
export function ReportPage() {
  const { id = '', reportId = '' } = useParams();
  const workspace = useWorkspace();
  const editor = canEdit(workspace.role);
  const program = useProgram(workspace.slug, id);
  const report = useStatusReport(workspace.slug, id, reportId);
  const regenerate = useRegenerateStatusReport(workspace.slug, id, reportId);
  const publish = usePublishStatusReport(workspace.slug, id, reportId);
  const [dirty, setDirty] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // Bumped by the form's "load the latest version": the form starts over from the refetch.
  const [reloads, setReloads] = useState(0);
  const weekText = report.data ? `week of ${formatDay(report.data.week)}` : 'weekly report';
  useDocumentTitle(`${program.data?.name ?? 'Program'} — ${weekText}`);

  if (report.isPending || report.isError) {
    return (
      <Stack gap="lg">
        <PageHeader
          title="Status report"
          above={
            <Anchor component={Link} to={programPagePath(workspace.slug, id)} size="sm">
              ‹ {program.data?.name ?? 'Program'}
            </Anchor>
          }
        />
        {report.isPending ? (
          <LoadingRows label="Loading the report" rows={3} height={160} />
        ) : (
          <ErrorAlert
            title="The report could not be loaded"
            error={report.error}
            onRetry={() => void report.refetch()}
          />
        )}
      </Stack>
    );
  }
  const data = report.data;
  const editing = editor && data.state === 'draft';

  return (
    <Stack gap="lg" className={classes.sheet} data-report-sheet>
      <PageHeader
        above={
          <Breadcrumbs separator="›" data-print="hide">
            <Anchor component={Link} to={workspacePath(workspace.slug, 'programs')} size="sm">
              Programs
            </Anchor>
            <Anchor component={Link} to={programPagePath(workspace.slug, id)} size="sm">
              {program.data?.name ?? 'Program'}
            </Anchor>
            <Text size="sm">Week of {formatDay(data.week)}</Text>
          </Breadcrumbs>
        }
        title={`${program.data?.name ?? 'Status report'}: week of ${formatDay(data.week)}`}
        description={
          <Group gap="xs" component="span">
            <StatusBadge status={REPORT_STATE_STYLES[data.state]} prefix="Report:" />
            <Text span size="sm" c="dimmed">
              {data.state === 'published' && data.publishedAt
                ? `Published ${formatDay(data.publishedAt)}${data.publishedBy ? ` by ${data.publishedBy.displayName}` : ''}: a frozen snapshot.`
                : `Drafted ${formatDay(data.generatedAt)} from the data; not published.`}
            </Text>
          </Group>
        }
        actions={
          editing && (
            <Group gap="sm" data-print="hide">
              <Button
                variant="default"
                loading={regenerate.isPending}
                onClick={() => regenerate.mutate(data.version)}
                disabled={dirty}
                title={dirty ? 'Save the draft before regenerating the numbers' : undefined}
              >
                Regenerate numbers
              </Button>
              <Button
                onClick={() => setConfirming(true)}
                disabled={dirty}
                title={dirty ? 'Save the draft before publishing' : undefined}
              >
                Publish
              </Button>
            </Group>
          )
        }
      />
      {editing && dirty && (
        <Text size="sm" c="dimmed" data-print="hide">
          You have unsaved edits: save the draft before publishing or regenerating the numbers.
        </Text>
      )}
      {regenerate.isError && (
        <ErrorAlert title="Numbers not regenerated" error={regenerate.error} />
      )}
      <Grid gap="lg" data-print="hide">
        <Grid.Col span={{ base: 12, md: 6 }}>
          {editing ? (
            // Keyed by id and reloads: a fresh form for another report or on "load the latest
            // version", not for every version fetched (the form follows those it loses nothing to).
            <ReportDraftForm
              key={`${data.id}:${reloads}`}
              workspace={workspace.slug}
              report={data}
              onDirtyChange={setDirty}
              onReload={() => {
                void report.refetch().then(() => setReloads((count) => count + 1));
              }}
            />
          ) : (
            <ReportWords report={data} />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <ReportNumbers snapshot={data.snapshot} />
        </Grid.Col>
      </Grid>
      <AudiencePreview workspace={workspace.slug} report={data} />
      <ConfirmModal
        opened={confirming}
        title="Publish this report?"
        confirmLabel="Publish report"
        pending={publish.isPending}
        error={publish.error}
        errorTitle="Not published"
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          publish.mutate(data.version, {
            onSuccess: () => setConfirming(false),
          })
        }
      >
        A published report is a frozen snapshot: its words and numbers never change again, and it
        sets the program’s health to {data.health.replace('-', ' ')}.
      </ConfirmModal>
    </Stack>
  );
}
