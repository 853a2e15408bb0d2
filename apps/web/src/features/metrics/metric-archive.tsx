import type { Metric } from '@bearing/contracts';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useUpdateMetric } from '../../api/metrics';
import { ConfirmModal } from '../../components/confirm-modal';
import { ErrorAlert } from '../../components/error-alert';

export interface MetricArchiveProps {
  workspace: string;
  metric: Metric;
}

/** An editor's "Archive": retires the metric after asking, keeping everything it holds. */
export function ArchiveMetricButton({ workspace, metric }: MetricArchiveProps) {
  const [asking, { open, close }] = useDisclosure(false);
  const archive = useUpdateMetric(workspace);
  const closeAndReset = () => {
    close();
    archive.reset();
  };
  return (
    <>
      <Button variant="default" color="red" onClick={open}>
        Archive
      </Button>
      <ConfirmModal
        opened={asking}
        title="Archive metric"
        confirmLabel="Archive metric"
        onClose={closeAndReset}
        pending={archive.isPending}
        error={archive.error}
        errorTitle="Metric not archived"
        onConfirm={() =>
          archive.mutate(
            { key: metric.key, archived: true, version: metric.version },
            { onSuccess: closeAndReset },
          )
        }
      >
        Archive <strong>{metric.name}</strong>? It leaves the metrics list and the portfolio’s KPI
        tiles, and scripts or uploads sending it values are refused until it is unarchived. Its
        values, guardrails and the key results following it stay as they are.
      </ConfirmModal>
    </>
  );
}

/** Says an archived metric is retired; editors can bring it back. */
export function ArchivedMetricNotice({
  workspace,
  metric,
  editor,
}: MetricArchiveProps & { editor: boolean }) {
  const unarchive = useUpdateMetric(workspace);
  return (
    <Alert color="gray" title="Archived" role="status">
      <Stack gap="xs">
        <Text size="sm">
          This metric is off the metrics list and the portfolio, and takes no new values.
        </Text>
        {unarchive.error && <ErrorAlert title="Metric not unarchived" error={unarchive.error} />}
        {editor && (
          <Group>
            <Button
              size="compact-sm"
              variant="default"
              loading={unarchive.isPending}
              onClick={() =>
                unarchive.mutate({ key: metric.key, archived: false, version: metric.version })
              }
            >
              Unarchive
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
