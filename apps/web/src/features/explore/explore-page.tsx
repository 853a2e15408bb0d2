import type { SavedQuery } from '@bearing/contracts';
import { Alert, Box, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { useCallback, useId, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useQueryCatalog, useRunQuery } from '../../api/queries';
import { lazyChart } from '../../charts/lazy-chart';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingRows } from '../../components/loading-rows';
import { PageHeader } from '../../components/page-header';
import { useDocumentTitle } from '../../components/use-document-title';
import { canEdit } from '../workspaces/roles';
import { useWorkspace } from '../workspaces/use-workspace';
import { LazyQueryEditor } from './lazy-query-editor';
import { QueryCatalogList } from './query-catalog-list';
import { queryChartData } from './query-chart-data';
import { QueryErrors } from './query-errors';
import { QueryResults } from './query-results';
import { SaveQueryDialog } from './save-query-dialog';
import { SavedQueriesDialog } from './saved-queries-dialog';
import { useOpenedSavedQuery } from './use-opened-saved-query';

const FIRST_QUERY = 'MetricPoints\n| where timestamp > ago(30d)\n| summarize avg(value) by metric';

const QueryChart = lazyChart(async () => (await import('./query-chart')).QueryChart);

/**
 * `/w/:workspace/explore`: ask the workspace's data a question in the query language (a KQL
 * subset, docs/query-language.md) and see the answer as a table, and as a chart when the query
 * ends in `render timechart|barchart`. Ctrl+Enter runs it. Editors save queries and make alert
 * rules from them; `?saved=<id>` opens a saved query.
 */
export function ExplorePage() {
  useDocumentTitle('Explore');
  const workspace = useWorkspace();
  const editor = canEdit(workspace.role);
  const navigate = useNavigate();
  const catalog = useQueryCatalog(workspace.slug);
  const run = useRunQuery(workspace.slug);
  const [query, setQuery] = useState(FIRST_QUERY);
  const [dialog, setDialog] = useState<'save' | 'saved' | null>(null);
  const opened = useOpenedSavedQuery(workspace.slug, setQuery);
  const descriptionId = useId();

  const submit = useCallback(() => {
    if (query.trim() !== '') run.mutate(query);
  }, [query, run]);
  const chart = useMemo(() => (run.data ? queryChartData(run.data) : null), [run.data]);
  const closeDialog = () => setDialog(null);

  return (
    <Stack gap="lg">
      <PageHeader
        title="Explore"
        description="Ask your own questions of this workspace's metrics, guardrails and work items, in the pipe language of Sentinel and Log Analytics (KQL)."
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="sm">
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                Query
                {opened.current && (
                  <Text span size="sm" c="dimmed">
                    {query === opened.current.query
                      ? ` — saved as “${opened.current.name}”`
                      : ` — from “${opened.current.name}”, changed since`}
                  </Text>
                )}
              </Text>
              <Text size="xs" c="dimmed" id={descriptionId}>
                A table, then operators joined by |. Ctrl+Enter (⌘+Enter) runs it; Ctrl+Space
                suggests tables, operators, columns and functions.
              </Text>
              <Box role="group" aria-label="Query">
                <LazyQueryEditor
                  value={query}
                  onChange={setQuery}
                  onRun={submit}
                  catalog={catalog.data}
                  label="Query"
                  describedBy={descriptionId}
                />
              </Box>
            </Stack>
            {opened.missing && (
              <Alert color="yellow" title="That saved query is gone">
                It was deleted, or the link is wrong. Saved queries lists the ones there are.
              </Alert>
            )}
            <Group gap="sm">
              <Button onClick={submit} loading={run.isPending}>
                Run
              </Button>
              {editor && (
                <Button
                  variant="default"
                  onClick={() => setDialog('save')}
                  disabled={query.trim() === ''}
                >
                  Save query
                </Button>
              )}
              <Button variant="default" onClick={() => setDialog('saved')}>
                Saved queries
              </Button>
              {editor && (
                <Button
                  variant="light"
                  disabled={query.trim() === ''}
                  onClick={() =>
                    void navigate(
                      `/w/${encodeURIComponent(workspace.slug)}/alerts/rules/new?query=${encodeURIComponent(query)}`,
                    )
                  }
                >
                  Create alert rule
                </Button>
              )}
            </Group>
            {run.isError && <QueryErrors error={run.error} />}
            {chart && <QueryChart data={chart} />}
            {run.data && <QueryResults result={run.data} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="xs">
            <Text fw={600}>Tables</Text>
            {catalog.isPending ? (
              <LoadingRows label="Loading the tables" rows={4} height={40} />
            ) : catalog.isError ? (
              <ErrorAlert
                title="The tables could not be loaded"
                error={catalog.error}
                onRetry={() => void catalog.refetch()}
              />
            ) : (
              <QueryCatalogList catalog={catalog.data} />
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      {dialog === 'save' && (
        <SaveQueryDialog
          workspace={workspace.slug}
          query={query}
          current={opened.current}
          onSaved={(saved: SavedQuery) => {
            opened.show(saved);
            closeDialog();
          }}
          onClose={closeDialog}
        />
      )}
      {dialog === 'saved' && (
        <SavedQueriesDialog
          workspace={workspace.slug}
          editor={editor}
          onOpen={(saved) => {
            opened.show(saved);
            setQuery(saved.query);
            closeDialog();
          }}
          onDeleted={opened.forget}
          onClose={closeDialog}
        />
      )}
    </Stack>
  );
}
