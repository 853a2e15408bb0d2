import type { ProgramReview } from '@bearing/contracts';
import { Anchor, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { useReviewOverview } from '../../api/reviews';
import { useCreateStatusReport } from '../../api/status-reports';
import { EmptyPanel } from '../../components/empty-panel';
import { ErrorAlert } from '../../components/error-alert';
import { formatDay } from '../../components/format';
import { LoadingRows } from '../../components/loading-rows';
import { PageHeader } from '../../components/page-header';
import { StatusBadge } from '../../components/status-badge';
import { useSmallScreen } from '../../components/use-small-screen';
import { useDocumentTitle } from '../../components/use-document-title';
import { HealthBadge, WatermelonBadge } from '../programs/health-badge';
import { ProgramHealthBadges } from '../programs/program-health-summary';
import { programPagePath, reportPath } from '../programs/report-links';
import { canEdit, isAdmin } from '../workspaces/roles';
import { useWorkspace } from '../workspaces/use-workspace';
import { REPORT_STATE_STYLES, WEEKDAY_NAMES } from './review-labels';
import { ReviewSettings } from './review-settings';
import { useReviewWeek } from './use-review-week';
import { WeekPicker } from './week-picker';

/**
 * `/w/:workspace/reviews?week=`: the programs running that week with the state of their weekly
 * report, and the way to draft, finish or read each.
 */
export function ReviewsPage() {
  useDocumentTitle('Reviews');
  const workspace = useWorkspace();
  const editor = canEdit(workspace.role);
  const [week, setWeek] = useReviewWeek();
  const overview = useReviewOverview(workspace.slug, week);
  const small = useSmallScreen();

  return (
    <Stack gap="lg">
      <PageHeader
        title="Reviews"
        description="The weekly status review: each program's report for the week — drafted from the data, edited by its TPM, then published."
      />
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
        <WeekPicker week={week} onChange={setWeek} />
        {isAdmin(workspace.role) && <ReviewSettings workspace={workspace.slug} />}
      </Group>
      {overview.data && (
        <Text size="sm" c="dimmed">
          Review meeting: {WEEKDAY_NAMES[overview.data.reviewWeekday]}{' '}
          {formatDay(overview.data.reviewDay)}
        </Text>
      )}
      {overview.isPending ? (
        <LoadingRows label="Loading the week's programs" rows={3} height={48} />
      ) : overview.isError ? (
        <ErrorAlert
          title="The review could not be loaded"
          error={overview.error}
          onRetry={() => void overview.refetch()}
        />
      ) : overview.data.items.length === 0 ? (
        <EmptyPanel
          title="No program runs this week"
          description="Programs show here for every week between their start and end."
        />
      ) : small ? (
        <Stack
          gap="sm"
          component="ul"
          p={0}
          m={0}
          aria-label={`Reports for the week of ${formatDay(week)}`}
        >
          {overview.data.items.map((review) => (
            <ReviewCard
              key={review.program.id}
              workspace={workspace.slug}
              review={review}
              week={week}
              editor={editor}
            />
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm" aria-label={`Reports for the week of ${formatDay(week)}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Program</Table.Th>
                <Table.Th scope="col">Program health</Table.Th>
                <Table.Th scope="col">This week's report</Table.Th>
                <Table.Th scope="col">Action</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {overview.data.items.map((review) => (
                <ReviewRow
                  key={review.program.id}
                  workspace={workspace.slug}
                  review={review}
                  week={week}
                  editor={editor}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

interface ReviewRowProps {
  workspace: string;
  review: ProgramReview;
  week: string;
  editor: boolean;
}

function ReviewRow(props: ReviewRowProps) {
  const { workspace, review } = props;
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={programPagePath(workspace, review.program.id)} fw={600}>
          {review.program.name}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <ProgramHealthBadges program={review.program} />
      </Table.Td>
      <Table.Td>
        <ReportStateBadges review={review} />
      </Table.Td>
      <Table.Td>
        <ReviewActions {...props} />
      </Table.Td>
    </Table.Tr>
  );
}

/** On a phone: the same facts and actions as a table row, stacked in a card. */
function ReviewCard(props: ReviewRowProps) {
  const { workspace, review } = props;
  return (
    <Card component="li" withBorder padding="sm" style={{ listStyle: 'none' }}>
      <Stack gap="xs">
        <Anchor component={Link} to={programPagePath(workspace, review.program.id)} fw={600}>
          {review.program.name}
        </Anchor>
        <Group gap="xs" wrap="wrap">
          <ProgramHealthBadges program={review.program} />
        </Group>
        <ReportStateBadges review={review} />
        <ReviewActions {...props} />
      </Stack>
    </Card>
  );
}

function ReportStateBadges({ review: { report, state } }: { review: ProgramReview }) {
  return (
    <Group gap="xs">
      <StatusBadge status={REPORT_STATE_STYLES[state]} prefix="Report:" />
      {report && state === 'published' && <HealthBadge health={report.health} size="xs" />}
      {report?.watermelon && <WatermelonBadge size="xs" />}
    </Group>
  );
}

/** Generate, continue or read the week's report, as the role allows. */
function ReviewActions({ workspace, review, week, editor }: ReviewRowProps) {
  const navigate = useNavigate();
  const generate = useCreateStatusReport(workspace, review.program.id);
  const { program, report, state } = review;
  return (
    <Stack gap={4} align="flex-start">
      {state === 'missing' && editor && (
        <Button
          size="xs"
          loading={generate.isPending}
          aria-label={`Generate draft for ${program.name}`}
          onClick={() =>
            generate.mutate(week, {
              onSuccess: (created) => void navigate(reportPath(workspace, program.id, created.id)),
            })
          }
        >
          Generate draft
        </Button>
      )}
      {state === 'missing' && !editor && (
        <Text size="sm" c="dimmed">
          No report yet
        </Text>
      )}
      {report && state === 'draft' && (
        <Button
          size="xs"
          variant="light"
          component={Link}
          to={reportPath(workspace, program.id, report.id)}
          aria-label={`${editor ? 'Continue editing' : 'View draft'} for ${program.name}`}
        >
          {editor ? 'Continue editing' : 'View draft'}
        </Button>
      )}
      {report && state === 'published' && (
        <Button
          size="xs"
          variant="default"
          component={Link}
          to={reportPath(workspace, program.id, report.id)}
          aria-label={`View report for ${program.name}`}
        >
          View
        </Button>
      )}
      {generate.isError && <ErrorAlert title="Draft not generated" error={generate.error} />}
    </Stack>
  );
}
