import { Card, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { lazy, type ReactNode, Suspense } from 'react';
import { usePortfolio } from '../../api/portfolio';
import { EmptyPanel } from '../../components/empty-panel';
import { ErrorAlert } from '../../components/error-alert';
import { formatDay } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { useDocumentTitle } from '../../components/use-document-title';
import { useWorkspace } from '../workspaces/use-workspace';
import { KpiTile } from './kpi-tile';
import { OutOfBoundsGuardrails } from './out-of-bounds-guardrails';
import { ProgramCard } from './program-card';
import { SlippingMilestones } from './slipping-milestones';
import { TopRisks } from './top-risks';

// Which teams' Jira data is fresh or failing: loaded after the portfolio's own numbers.
const PortfolioSyncStatus = lazy(async () => ({
  default: (await import('../jira/status/portfolio-sync-status')).PortfolioSyncStatus,
}));

/**
 * `/w/:workspace/portfolio` — the executive view: every program's health and trend, objective
 * scores, KPIs with a real signal, guardrails out of bounds, top risks and slipping milestones.
 * Everything links through to its detail.
 */
export function PortfolioPage() {
  useDocumentTitle('Portfolio');
  const workspace = useWorkspace();
  const portfolio = usePortfolio(workspace.slug);
  const data = portfolio.data;

  return (
    <Stack gap="lg">
      <PageHeader
        title="Portfolio"
        description={
          data
            ? `Programs, objectives, KPIs and risks of ${workspace.name}, as of ${formatDay(data.asOf)}.`
            : `Programs, objectives, KPIs and risks of ${workspace.name}.`
        }
      />
      {portfolio.isError && (
        <ErrorAlert
          title="The portfolio could not be loaded"
          error={portfolio.error}
          onRetry={() => void portfolio.refetch()}
        />
      )}
      {portfolio.isPending && <PortfolioSkeleton />}
      {data && (
        <>
          <Section title="Programs">
            {data.programs.length === 0 ? (
              <EmptyPanel
                title="No program yet"
                description="Programs appear here with their health once a TPM creates them."
              />
            ) : (
              <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
                {data.programs.map((program) => (
                  <ProgramCard key={program.id} workspace={workspace.slug} program={program} />
                ))}
              </SimpleGrid>
            )}
          </Section>
          <Section title="KPIs">
            {data.kpis.length === 0 ? (
              <Text size="sm" c="dimmed">
                No metric yet.
              </Text>
            ) : (
              <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 4 }}>
                {data.kpis.map((tile) => (
                  <KpiTile key={tile.key} workspace={workspace.slug} tile={tile} />
                ))}
              </SimpleGrid>
            )}
          </Section>
          {/* Side by side only where both tables fit without scrolling (they need ~520 px). */}
          <SimpleGrid cols={{ base: 1, xl: 2 }}>
            <Section title="Guardrails out of bounds">
              <OutOfBoundsGuardrails workspace={workspace.slug} guardrails={data.guardrails} />
            </Section>
            <Section title="Top risks">
              <TopRisks workspace={workspace.slug} risks={data.topRisks} />
            </Section>
          </SimpleGrid>
          <Section title="Milestones slipping against baseline">
            <SlippingMilestones workspace={workspace.slug} programs={data.programs} />
          </Section>
          <Suspense fallback={null}>
            <PortfolioSyncStatus workspace={workspace.slug} />
          </Suspense>
        </>
      )}
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="sm" component="section" aria-label={title}>
      <Title order={2} size="h3">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function PortfolioSkeleton() {
  return (
    <Stack gap="lg" role="progressbar" aria-busy="true" aria-label="Loading the portfolio">
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
        {[0, 1, 2].map((index) => (
          <Card key={index} withBorder padding="md">
            <Skeleton height={18} width="60%" mb="sm" />
            <Skeleton height={12} mb={6} />
            <Skeleton height={12} width="80%" />
          </Card>
        ))}
      </SimpleGrid>
      <Skeleton height={120} />
    </Stack>
  );
}
