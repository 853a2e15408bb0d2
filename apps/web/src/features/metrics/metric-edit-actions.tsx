import type { Metric } from '@bearing/contracts';
import { Button, Modal } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { MetricForm } from './metric-form';

export interface MetricEditActionsProps {
  workspace: string;
  metric: Metric;
}

/** An editor's changes to the metric itself: its name, unit, category, direction, description. */
export function MetricEditActions({ workspace, metric }: MetricEditActionsProps) {
  const [editing, { open: openEdit, close: closeEdit }] = useDisclosure(false);
  return (
    <>
      <Button variant="default" onClick={openEdit}>
        Edit metric
      </Button>
      <Modal opened={editing} onClose={closeEdit} title="Edit metric" size="lg" centered>
        {editing && (
          <MetricForm
            workspace={workspace}
            metric={metric}
            onSaved={closeEdit}
            onCancel={closeEdit}
          />
        )}
      </Modal>
    </>
  );
}
