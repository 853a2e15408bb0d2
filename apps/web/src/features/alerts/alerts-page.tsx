import type { Alert } from '@bearing/contracts';
import { Alert as Notice, Button, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError, describeError } from '../../api/api-error';
import { useAcknowledgeAlert, useAlerts } from '../../api/alerts';
import { workspacePath } from '../../app/layout/navigation-items';
import { EmptyPanel } from '../../components/empty-panel';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingRows } from '../../components/loading-rows';
import { PageHeader } from '../../components/page-header';
import { useDocumentTitle } from '../../components/use-document-title';
import { useNow } from '../../components/use-now';
import { canEdit } from '../workspaces/roles';
import { useWorkspace } from '../workspaces/use-workspace';
import { AlertCard } from './alert-card';
import { STATE_ORDER, STATE_STYLES } from './alert-labels';
import { AlertsTabs } from './alerts-tabs';

type AlertState = Alert['state'];

const FILTERS = [
  { value: 'all', label: 'All' },
  ...STATE_ORDER.map((state) => ({ value: state, label: STATE_STYLES[state].label })),
];

function stateFrom(value: string | null): AlertState | undefined {
  return STATE_ORDER.find((state) => state === value);
}

/** Firing first, then acknowledged, then resolved; the server's order within each. */
export function byState(alerts: readonly Alert[]): Alert[] {
  return [...alerts].sort((a, b) => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state));
}

/** What a refused acknowledgement means, in words. */
function acknowledgeFailure(error: unknown): string {
  if (error instanceof ApiError && error.status === 409) {
    return `${error.detail} A later run of its rule no longer matched, so the alert resolved on its own; the list now shows it as resolved.`;
  }
  return describeError(error);
}

/**
 * `/w/:workspace/alerts`: what the workspace's alert rules found — firing alerts first, then
 * acknowledged, then resolved — with the rows each matched. The `alert.fired` notification
 * links here. Editors acknowledge a firing alert to say someone is on it.
 */
export function AlertsPage() {
  useDocumentTitle('Alerts');
  const workspace = useWorkspace();
  const [params, setParams] = useSearchParams();
  const state = stateFrom(params.get('state'));
  const alerts = useAlerts(workspace.slug, state);
  const acknowledge = useAcknowledgeAlert(workspace.slug);
  const [failure, setFailure] = useState<{ title: string; message: string } | null>(null);
  const now = useNow();
  const editor = canEdit(workspace.role);
  const rulesPath = workspacePath(workspace.slug, 'alerts/rules');

  const onAcknowledge = (alert: Alert) => {
    setFailure(null);
    acknowledge.mutate(alert.id, {
      onError: (error) =>
        setFailure({
          title: `${alert.ruleName} was not acknowledged`,
          message: acknowledgeFailure(error),
        }),
    });
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title="Alerts"
        description="What your alert rules found: each rule runs its query on a schedule and fires an alert when its trigger matches. Firing alerts come first."
      />
      <AlertsTabs workspace={workspace.slug} active="alerts" />
      <SegmentedControl
        aria-label="Show alerts"
        data={FILTERS}
        value={state ?? 'all'}
        onChange={(value) => {
          const next = stateFrom(value);
          setParams(next ? { state: next } : {}, { replace: true });
        }}
        w="fit-content"
      />
      {failure && (
        <Notice
          color="red"
          title={failure.title}
          role="alert"
          withCloseButton
          onClose={() => setFailure(null)}
        >
          {failure.message}
        </Notice>
      )}
      {alerts.isPending ? (
        <LoadingRows label="Loading alerts" />
      ) : alerts.isError ? (
        <ErrorAlert
          title="Alerts could not be loaded"
          error={alerts.error}
          onRetry={() => void alerts.refetch()}
        />
      ) : alerts.data.items.length === 0 ? (
        state ? (
          <Text c="dimmed">No {STATE_STYLES[state].label.toLowerCase()} alerts.</Text>
        ) : (
          <EmptyPanel
            title="No alerts"
            description="An alert rule runs a query of the workspace's data on a schedule — every 5 minutes to once a day — and fires an alert when its trigger matches, such as a guardrail breached or work items ageing past their team's usual cycle time. Alerts appear here, firing ones first, until a later run no longer matches."
            action={
              <Button component={Link} to={rulesPath} variant="light">
                {editor ? 'Set up alert rules' : 'See the alert rules'}
              </Button>
            }
          />
        )
      ) : (
        <Stack gap="md" component="section" aria-label="Alerts list">
          {byState(alerts.data.items).map((alert) => (
            <AlertCard
              key={alert.id}
              workspace={workspace.slug}
              alert={alert}
              now={now}
              onAcknowledge={editor ? () => onAcknowledge(alert) : undefined}
              acknowledging={acknowledge.isPending && acknowledge.variables === alert.id}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
