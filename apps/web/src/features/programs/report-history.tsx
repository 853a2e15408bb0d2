import { Anchor, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useStatusReports } from '../../api/status-reports';
import { ErrorAlert } from '../../components/error-alert';
import { formatDay } from '../../components/format';
import { LoadingRows } from '../../components/loading-rows';
import { LoadMore } from '../settings/load-more';
import { HealthBadgeWithWatermelon } from './health-badge';
import { reportPath } from './report-links';

/** How many published reports the history shows at first, and loads at a time after that. */
export const REPORT_HISTORY_PAGE_SIZE = 10;

/**
 * The program's published reports, newest week first, each a link to the report: the latest
 * ones, and older ones on demand ("Load more") — years of weekly reports are never loaded whole.
 */
export function ReportHistory({ workspace, programId }: { workspace: string; programId: string }) {
  const reports = useStatusReports(workspace, programId, 'published', REPORT_HISTORY_PAGE_SIZE);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="report-history-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="report-history-title">
          Report history
        </Title>
        {reports.isPending ? (
          <LoadingRows label="Loading published reports" rows={2} height={32} />
        ) : reports.isError ? (
          <ErrorAlert
            title="Reports could not be loaded"
            error={reports.error}
            onRetry={reports.refetch}
          />
        ) : reports.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            No report published yet. Weekly reports are drafted and published from Reviews.
          </Text>
        ) : (
          <>
            <Table aria-label="Published reports">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Week</Table.Th>
                  <Table.Th scope="col">Health</Table.Th>
                  <Table.Th scope="col">Published</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {reports.items.map((report) => (
                  <Table.Tr key={report.id}>
                    <Table.Td>
                      <Anchor component={Link} to={reportPath(workspace, programId, report.id)}>
                        Week of {formatDay(report.week)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <HealthBadgeWithWatermelon
                        health={report.health}
                        watermelon={report.watermelon}
                      />
                    </Table.Td>
                    <Table.Td>
                      {report.publishedAt ? formatDay(report.publishedAt) : '—'}
                      {report.publishedBy && ` by ${report.publishedBy.displayName}`}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <LoadMore
              shown={reports.items.length}
              noun="report"
              hasMore={reports.hasMore}
              loading={reports.isLoadingMore}
              onLoadMore={reports.loadMore}
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}
