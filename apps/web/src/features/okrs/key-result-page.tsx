import type { KeyResult, Objective, Period } from '@bearing/contracts';
import {
  Anchor,
  Breadcrumbs,
  Button,
  Grid,
  Group,
  Modal,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/api-error';
import { useKeyResult, useObjective, useObjectives, usePeriods } from '../../api/okrs';
import { workspacePath } from '../../app/layout/navigation-items';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingRows } from '../../components/loading-rows';
import { PageHeader } from '../../components/page-header';
import { useDocumentTitle } from '../../components/use-document-title';
import { canEdit } from '../workspaces/roles';
import { useWorkspace } from '../workspaces/use-workspace';
import { CheckInForm } from './check-in-form';
import { CheckInHistoryPanel } from './check-in-history-panel';
import { DeleteKeyResultModal } from './delete-key-result-modal';
import { KeyResultFacts } from './key-result-facts';
import { KeyResultForm } from './key-result-form';
import { KeyResultNumbers } from './key-result-numbers';
import { describeTarget } from './key-result-summary';

/** `/w/:workspace/okrs/key-results/:id`: where one key result stands, its history, a check-in. */
export function KeyResultPage() {
  const workspace = useWorkspace();
  const { id = '' } = useParams();
  const keyResult = useKeyResult(workspace.slug, id);
  const objective = useObjective(workspace.slug, keyResult.data?.objectiveId ?? null);
  const periods = usePeriods(workspace.slug);
  const period = periods.data?.find((candidate) => candidate.id === objective.data?.periodId);
  useDocumentTitle(keyResult.data ? `${keyResult.data.title} · OKRs` : 'Key result');

  if (keyResult.isPending) {
    return (
      <Stack gap="lg">
        <PageHeader title="Key result" />
        <LoadingRows label="Loading the key result" rows={3} height={120} />
      </Stack>
    );
  }
  if (keyResult.isError) {
    const missing = keyResult.error instanceof ApiError && keyResult.error.status === 404;
    return (
      <Stack gap="lg">
        <PageHeader
          title="Key result"
          above={<BackToOkrs workspace={workspace.slug} period={undefined} />}
        />
        {missing ? (
          <Text>This key result does not exist in {workspace.name}, or it was removed.</Text>
        ) : (
          <ErrorAlert
            title="The key result could not be loaded"
            error={keyResult.error}
            onRetry={() => void keyResult.refetch()}
          />
        )}
      </Stack>
    );
  }
  return (
    <KeyResultView
      workspace={workspace.slug}
      editor={canEdit(workspace.role)}
      keyResult={keyResult.data}
      objective={objective.data}
      period={period}
    />
  );
}

interface KeyResultViewProps {
  workspace: string;
  editor: boolean;
  keyResult: KeyResult;
  objective: Objective | undefined;
  period: Period | undefined;
}

function KeyResultView({ workspace, editor, keyResult, objective, period }: KeyResultViewProps) {
  const [editing, { open: openEdit, close: closeEdit }] = useDisclosure(false);
  const [deleting, { open: openDelete, close: closeDelete }] = useDisclosure(false);
  const navigate = useNavigate();
  // The objectives it could move to: those of its period, loaded when editing starts.
  const periodObjectives = useObjectives(
    workspace,
    { period: period?.id },
    editing && period !== undefined,
  );
  const active = objective?.status === 'active';
  return (
    <Stack gap="lg">
      <PageHeader
        above={
          <Breadcrumbs separator="›">
            <BackToOkrs workspace={workspace} period={period} />
            {objective && (
              <Text size="sm" c="dimmed">
                {objective.title}
              </Text>
            )}
          </Breadcrumbs>
        }
        title={keyResult.title}
        description={describeTarget(keyResult)}
        actions={
          editor && (
            <Group gap="sm">
              <Button variant="default" onClick={openEdit}>
                Edit key result
              </Button>
              {/* A closed objective keeps its grade: its key results stay until it is reopened. */}
              {active && (
                <Button variant="default" color="red" onClick={openDelete}>
                  Delete
                </Button>
              )}
            </Group>
          )
        }
      />
      <KeyResultNumbers keyResult={keyResult} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <CheckInHistoryPanel workspace={workspace} keyResult={keyResult} period={period} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            {editor && active && (
              <Paper
                withBorder
                radius="md"
                p="md"
                component="section"
                aria-labelledby="check-in-title"
              >
                <Stack gap="sm">
                  <Title order={2} size="h4" id="check-in-title">
                    New check-in
                  </Title>
                  {keyResult.metricKey && (
                    <Text size="xs" c="dimmed">
                      Its current value comes from the metric {keyResult.metricKey}; a check-in adds
                      your reading, confidence and note to the history.
                    </Text>
                  )}
                  {/* Started again once the period is known: its end may be the default date. */}
                  <CheckInForm
                    key={period?.id ?? 'period-unknown'}
                    workspace={workspace}
                    keyResult={keyResult}
                    period={period}
                  />
                </Stack>
              </Paper>
            )}
            {editor && objective && !active && (
              <Text size="sm" c="dimmed">
                Its objective is {objective.status}, so it takes no more check-ins.
              </Text>
            )}
            <KeyResultFacts
              workspace={workspace}
              keyResult={keyResult}
              objective={objective}
              period={period}
            />
          </Stack>
        </Grid.Col>
      </Grid>
      {editor && (
        <DeleteKeyResultModal
          workspace={workspace}
          keyResult={deleting ? keyResult : null}
          onClose={closeDelete}
          onDeleted={() =>
            void navigate(workspacePath(workspace, period ? `okrs?period=${period.id}` : 'okrs'))
          }
        />
      )}
      {editor && (
        <Modal opened={editing} onClose={closeEdit} title="Edit key result" size="lg" centered>
          {editing && (
            <KeyResultForm
              workspace={workspace}
              objectives={periodObjectives.data ?? (objective ? [objective] : [])}
              defaultObjectiveId={keyResult.objectiveId}
              keyResult={keyResult}
              onSaved={closeEdit}
              onCancel={closeEdit}
            />
          )}
        </Modal>
      )}
    </Stack>
  );
}

function BackToOkrs({ workspace, period }: { workspace: string; period: Period | undefined }) {
  return (
    <Anchor
      component={Link}
      to={workspacePath(workspace, period ? `okrs?period=${period.id}` : 'okrs')}
      size="sm"
    >
      {period ? `OKRs · ${period.name}` : 'OKRs'}
    </Anchor>
  );
}
