import { type MetricCategory, metricCategorySchema } from '@bearing/contracts';
import { Button, Group, Modal, NativeSelect, Stack, Switch, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useNavigate, useSearchParams } from 'react-router';
import { useMetrics } from '../../api/metrics';
import { workspacePath } from '../../app/layout/navigation-items';
import { EmptyPanel } from '../../components/empty-panel';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingRows } from '../../components/loading-rows';
import { PageHeader } from '../../components/page-header';
import { useDocumentTitle } from '../../components/use-document-title';
import { canEdit } from '../workspaces/roles';
import { useWorkspace } from '../workspaces/use-workspace';
import { GuardrailsSection } from './guardrails/guardrails-section';
import { CATEGORY_LABELS } from './metric-labels';
import { MetricForm } from './metric-form';
import { MetricsTable } from './metrics-table';

/**
 * `/w/:workspace/metrics?category=&archived=true`: KPIs with their trend and XmR signal — those
 * in use, or the archived ones — and the guardrails.
 */
export function MetricsPage() {
  useDocumentTitle('Metrics');
  const workspace = useWorkspace();
  const editor = canEdit(workspace.role);
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const category = metricCategorySchema.safeParse(searchParams.get('category')).data;
  const archived = searchParams.get('archived') === 'true';
  const metrics = useMetrics(workspace.slug, category, archived);
  const allMetrics = useMetrics(workspace.slug);
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);

  const setCategory = (value: MetricCategory | undefined) =>
    setSearchParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set('category', value);
      else next.delete('category');
      return next;
    });
  const setArchived = (value: boolean) =>
    setSearchParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set('archived', 'true');
      else next.delete('archived');
      return next;
    });

  return (
    <Stack gap="xl">
      <PageHeader
        title="Metrics"
        description="KPIs with process-behaviour (XmR) limits, so a signal means a real change rather than noise, and the guardrails that must hold while objectives are pursued."
        actions={editor && <Button onClick={openCreate}>New metric</Button>}
      />
      <Stack gap="md" component="section" aria-labelledby="kpis-title">
        <Title order={2} id="kpis-title" size="h3">
          KPIs
        </Title>
        <Group align="flex-end" gap="lg" wrap="wrap">
          <NativeSelect
            label="Category"
            data={[
              { value: '', label: 'All categories' },
              ...metricCategorySchema.options.map((value) => ({
                value,
                label: CATEGORY_LABELS[value],
              })),
            ]}
            value={category ?? ''}
            onChange={(event) =>
              setCategory(metricCategorySchema.safeParse(event.currentTarget.value).data)
            }
            w={240}
          />
          <Switch
            label="Archived metrics"
            checked={archived}
            onChange={(event) => setArchived(event.currentTarget.checked)}
            mb={8}
          />
        </Group>
        {metrics.isPending ? (
          <LoadingRows label="Loading metrics" rows={3} height={52} />
        ) : metrics.isError ? (
          <ErrorAlert
            title="Metrics could not be loaded"
            error={metrics.error}
            onRetry={() => void metrics.refetch()}
          />
        ) : metrics.data.length === 0 && archived ? (
          <EmptyPanel
            title={
              category
                ? `No archived ${CATEGORY_LABELS[category].toLowerCase()} metrics`
                : 'No archived metrics'
            }
            description="A metric archived from its page leaves the list and the portfolio, and takes no more values, until it is unarchived."
            action={
              <Button variant="default" onClick={() => setArchived(false)}>
                Show metrics in use
              </Button>
            }
          />
        ) : metrics.data.length === 0 ? (
          <EmptyPanel
            title={
              category ? `No ${CATEGORY_LABELS[category].toLowerCase()} metrics` : 'No metrics yet'
            }
            description={
              category
                ? 'Other categories may have some.'
                : editor
                  ? 'A metric is a number you track over time — ad fill rate, p95 latency. Create one, then push its values from a script or a CSV file.'
                  : 'Once an editor creates metrics and values arrive, they show here with their trend.'
            }
            action={
              category ? (
                <Button variant="default" onClick={() => setCategory(undefined)}>
                  Show all categories
                </Button>
              ) : (
                editor && <Button onClick={openCreate}>Create a metric</Button>
              )
            }
          />
        ) : (
          <MetricsTable workspace={workspace.slug} metrics={metrics.data} />
        )}
      </Stack>
      <GuardrailsSection
        workspace={workspace.slug}
        metrics={allMetrics.data ?? []}
        editor={editor}
      />
      {editor && (
        <Modal opened={creating} onClose={closeCreate} title="New metric" size="lg" centered>
          {creating && (
            <MetricForm
              workspace={workspace.slug}
              onSaved={(metric) => {
                closeCreate();
                void navigate(workspacePath(workspace.slug, `metrics/${metric.key}`));
              }}
              onCancel={closeCreate}
            />
          )}
        </Modal>
      )}
    </Stack>
  );
}
