import type { ReactNode } from 'react';
import type { Metric } from '@bearing/contracts';
import { Anchor, Badge, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/api-error';
import { useGuardrails } from '../../api/guardrails';
import { useMetric } from '../../api/metrics';
import { workspacePath } from '../../app/layout/navigation-items';
import { DateTime } from '../../components/date-time';
import { ErrorAlert } from '../../components/error-alert';
import { formatValue } from '../../components/format';
import { LoadingRows } from '../../components/loading-rows';
import { PageHeader } from '../../components/page-header';
import { FollowButton } from '../notifications/follow/follow-button';
import { useDocumentTitle } from '../../components/use-document-title';
import { canEdit } from '../workspaces/roles';
import { useWorkspace } from '../workspaces/use-workspace';
import { DateRangeFilter } from './date-range-filter';
import { GuardrailsSection } from './guardrails/guardrails-section';
import { ArchivedMetricNotice, ArchiveMetricButton } from './metric-archive';
import { MetricEditActions } from './metric-edit-actions';
import { CATEGORY_LABELS, DIRECTION_LABELS } from './metric-labels';
import { PushPointsHelp } from './push-points-help';
import { useDateRange } from './use-date-range';
import { MetricValueActions } from './values/metric-value-actions';
import { RecordedValues } from './values/recorded-values';
import { XmrPanel } from './xmr-panel';

/** `/w/:workspace/metrics/:key?range=|from=&to=`: a KPI's XmR charts, signals and guardrails. */
export function MetricPage() {
  const workspace = useWorkspace();
  const { id: key = '' } = useParams();
  const metric = useMetric(workspace.slug, key);
  useDocumentTitle(metric.data ? `${metric.data.name} · Metrics` : 'Metric');
  const back = (
    <Anchor component={Link} to={workspacePath(workspace.slug, 'metrics')} size="sm">
      Metrics
    </Anchor>
  );

  if (metric.isPending) {
    return (
      <Stack gap="lg">
        <PageHeader title="Metric" above={back} />
        <LoadingRows label="Loading the metric" rows={2} height={200} />
      </Stack>
    );
  }
  if (metric.isError) {
    const missing = metric.error instanceof ApiError && metric.error.status === 404;
    return (
      <Stack gap="lg">
        <PageHeader title="Metric" above={back} />
        {missing ? (
          <Text>
            {workspace.name} has no metric with the key <Code>{key}</Code>.
          </Text>
        ) : (
          <ErrorAlert
            title="The metric could not be loaded"
            error={metric.error}
            onRetry={() => void metric.refetch()}
          />
        )}
      </Stack>
    );
  }
  return (
    <MetricView
      workspace={workspace.slug}
      editor={canEdit(workspace.role)}
      metric={metric.data}
      back={back}
    />
  );
}

interface MetricViewProps {
  workspace: string;
  editor: boolean;
  metric: Metric;
  back: ReactNode;
}

function MetricView({ workspace, editor, metric, back }: MetricViewProps) {
  const [dateRange, { setPreset, setDays }] = useDateRange();
  const guardrails = useGuardrails(workspace, metric.key);
  const guardrailLimit =
    guardrails.data?.find((guardrail) => guardrail.evaluation)?.evaluation?.limit ?? null;
  return (
    <Stack gap="lg">
      <PageHeader
        above={back}
        title={metric.name}
        description={metric.description || undefined}
        actions={
          <>
            <FollowButton
              workspace={workspace}
              subject={{ type: 'metric', id: metric.id }}
              name={metric.name}
            />
            {editor && <MetricEditActions workspace={workspace} metric={metric} />}
            {editor && !metric.archived && (
              <ArchiveMetricButton workspace={workspace} metric={metric} />
            )}
            {/* An archived metric refuses values: no way to send any until it is unarchived. */}
            {editor && !metric.archived && (
              <MetricValueActions workspace={workspace} metric={metric} />
            )}
          </>
        }
      />
      {metric.archived && (
        <ArchivedMetricNotice workspace={workspace} metric={metric} editor={editor} />
      )}
      <Group gap="xs" wrap="wrap">
        <Code>{metric.key}</Code>
        <Badge variant="default" tt="none" fw={500}>
          {CATEGORY_LABELS[metric.category]}
        </Badge>
        <Badge variant="default" tt="none" fw={500}>
          {DIRECTION_LABELS[metric.direction]}
        </Badge>
        {metric.latest && (
          <Text size="sm">
            Latest <strong>{formatValue(metric.latest.value, metric.unit)}</strong> on{' '}
            <DateTime
              value={metric.latest.timestamp}
              dateOnly={metric.latest.timestamp.endsWith('T00:00:00.000Z')}
            />
          </Text>
        )}
      </Group>
      <DateRangeFilter state={dateRange} onPreset={setPreset} onDays={setDays} />
      <XmrPanel
        workspace={workspace}
        metric={metric}
        range={dateRange.range}
        guardrailLimit={guardrailLimit}
        noValues={
          <Paper
            withBorder
            radius="md"
            p="lg"
            component="section"
            aria-labelledby="no-values-title"
          >
            <Stack gap="sm">
              <Title order={2} size="h4" id="no-values-title">
                No values yet
              </Title>
              {editor && !metric.archived ? (
                <PushPointsHelp workspace={workspace} metricKey={metric.key} />
              ) : (
                <Text size="sm" c="dimmed">
                  Its charts show once values arrive from the team’s scripts or uploads.
                </Text>
              )}
            </Stack>
          </Paper>
        }
      />
      {editor && <RecordedValues workspace={workspace} metric={metric} range={dateRange.range} />}
      <GuardrailsSection
        workspace={workspace}
        metrics={[metric]}
        editor={editor}
        metricKey={metric.key}
      />
    </Stack>
  );
}
