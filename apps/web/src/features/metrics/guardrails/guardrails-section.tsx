import type { Guardrail, Metric } from '@bearing/contracts';
import { Button, Group, Modal, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useDeleteGuardrail, useGuardrails } from '../../../api/guardrails';
import { MetricDefinition } from '../../../charts/metric-definition';
import { ConfirmModal } from '../../../components/confirm-modal';
import { EmptyPanel } from '../../../components/empty-panel';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingRows } from '../../../components/loading-rows';
import { GuardrailCard } from './guardrail-card';
import { GuardrailForm } from './guardrail-form';

export interface GuardrailsSectionProps {
  workspace: string;
  /** Metrics a new guardrail may watch. */
  metrics: readonly Metric[];
  editor: boolean;
  /** Only the guardrails of this metric (its page); all without. */
  metricKey?: string | undefined;
}

type Editing = { kind: 'new' } | { kind: 'edit'; guardrail: Guardrail } | null;

/** Guardrails with their status, worst first; editors add and change them. */
export function GuardrailsSection({
  workspace,
  metrics,
  editor,
  metricKey,
}: GuardrailsSectionProps) {
  const guardrails = useGuardrails(workspace, metricKey);
  const [editing, setEditing] = useState<Editing>(null);
  const close = () => setEditing(null);
  const [deleting, setDeleting] = useState<Guardrail | null>(null);
  const deleteGuardrail = useDeleteGuardrail(workspace);
  const closeDelete = () => {
    setDeleting(null);
    deleteGuardrail.reset();
  };
  const canCreate = editor && metrics.length > 0;
  return (
    <Stack gap="md" component="section" aria-labelledby="guardrails-title">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={4} maw={720}>
          <Title order={2} size="h3" id="guardrails-title">
            Guardrails
          </Title>
          <MetricDefinition name="guardrail" />
        </Stack>
        {canCreate && (guardrails.data?.length ?? 0) > 0 && (
          <Button onClick={() => setEditing({ kind: 'new' })}>New guardrail</Button>
        )}
      </Group>
      {guardrails.isPending ? (
        <LoadingRows label="Loading guardrails" rows={2} height={96} />
      ) : guardrails.isError ? (
        <ErrorAlert
          title="Guardrails could not be loaded"
          error={guardrails.error}
          onRetry={() => void guardrails.refetch()}
        />
      ) : guardrails.data.length === 0 ? (
        <EmptyPanel
          title={metricKey ? 'No guardrail watches this metric' : 'No guardrails yet'}
          description={
            editor
              ? metrics.length === 0
                ? 'A guardrail watches a metric: create a metric first.'
                : 'Name a metric that must not get worse while you push on your objectives, and how far it may move.'
              : 'Guardrails that editors set on metrics show here with their status.'
          }
          action={
            canCreate && <Button onClick={() => setEditing({ kind: 'new' })}>New guardrail</Button>
          }
        />
      ) : (
        <Stack gap="sm">
          {worstFirst(guardrails.data).map((guardrail) => (
            <GuardrailCard
              key={guardrail.id}
              workspace={workspace}
              guardrail={guardrail}
              onEdit={
                editor ? (chosen) => setEditing({ kind: 'edit', guardrail: chosen }) : undefined
              }
              onDelete={editor ? setDeleting : undefined}
            />
          ))}
        </Stack>
      )}
      {editor && (
        <ConfirmModal
          opened={deleting !== null}
          title="Delete guardrail"
          confirmLabel="Delete guardrail"
          onClose={closeDelete}
          pending={deleteGuardrail.isPending}
          error={deleteGuardrail.error}
          errorTitle="Guardrail not deleted"
          onConfirm={() =>
            deleting && deleteGuardrail.mutate(deleting.id, { onSuccess: closeDelete })
          }
        >
          Delete the guardrail on <strong>{deleting?.metric.name}</strong>? Its history goes with
          it; it leaves the portfolio, its programs and digests, and nobody follows it any more. The
          metric and its values stay, and status reports already published keep showing it.
        </ConfirmModal>
      )}
      {editor && (
        <Modal
          opened={editing !== null}
          onClose={close}
          title={editing?.kind === 'edit' ? 'Edit guardrail' : 'New guardrail'}
          centered
        >
          {editing && (
            <GuardrailForm
              workspace={workspace}
              metrics={metrics}
              defaultMetricKey={metricKey}
              guardrail={editing.kind === 'edit' ? editing.guardrail : undefined}
              onSaved={close}
              onCancel={close}
            />
          )}
        </Modal>
      )}
    </Stack>
  );
}

const SEVERITY = { breached: 0, warning: 1, ok: 2 } as const;

/** Breached, then warning, then ok, then not yet evaluated; otherwise as the API lists them. */
function worstFirst(guardrails: readonly Guardrail[]): Guardrail[] {
  return [...guardrails].sort(
    (a, b) =>
      (a.status === null ? 3 : SEVERITY[a.status]) - (b.status === null ? 3 : SEVERITY[b.status]),
  );
}
