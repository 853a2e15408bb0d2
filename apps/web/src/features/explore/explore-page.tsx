import { Button, Grid, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useQueryCatalog, useRunQuery } from '../../api/queries';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingRows } from '../../components/loading-rows';
import { PageHeader } from '../../components/page-header';
import { useDocumentTitle } from '../../components/use-document-title';
import { useWorkspace } from '../workspaces/use-workspace';
import { QueryCatalogList } from './query-catalog-list';
import { QueryErrors } from './query-errors';
import { QueryResults } from './query-results';

const FIRST_QUERY = 'MetricPoints\n| where timestamp > ago(30d)\n| summarize avg(value) by metric';

/**
 * `/w/:workspace/explore`: ask the workspace's data a question in the query language (a KQL
 * subset, docs/query-language.md) and see the answer as a table. Ctrl+Enter runs it.
 */
export function ExplorePage() {
  useDocumentTitle('Explore');
  const workspace = useWorkspace();
  const catalog = useQueryCatalog(workspace.slug);
  const run = useRunQuery(workspace.slug);
  const [query, setQuery] = useState(FIRST_QUERY);
  const submit = () => {
    if (query.trim() !== '') run.mutate(query);
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title="Explore"
        description="Ask your own questions of this workspace's metrics, guardrails and work items, in the pipe language of Sentinel and Log Analytics (KQL)."
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="sm">
            <Textarea
              label="Query"
              description="A table, then operators joined by |. Ctrl+Enter runs it."
              value={query}
              onChange={(event) => setQuery(event.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                  event.preventDefault();
                  submit();
                }
              }}
              autosize
              minRows={5}
              spellCheck={false}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            />
            <Group>
              <Button onClick={submit} loading={run.isPending}>
                Run
              </Button>
            </Group>
            {run.isError && <QueryErrors error={run.error} />}
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
    </Stack>
  );
}
