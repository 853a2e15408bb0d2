import type { Metric } from '@bearing/contracts';
import { Button, Modal } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense } from 'react';
import { LoadingRows } from '../../../components/loading-rows';
import { MetricValueForm } from './metric-value-form';

// The upload (its CSV reader and preview) loads when its dialog first opens.
const PointsUpload = lazy(async () => ({
  default: (await import('./points-upload')).PointsUpload,
}));

export interface MetricValueActionsProps {
  workspace: string;
  metric: Metric;
}

/** An editor's ways to put values into a metric by hand: one value, or a file of them. */
export function MetricValueActions({ workspace, metric }: MetricValueActionsProps) {
  const [adding, { open: openAdd, close: closeAdd }] = useDisclosure(false);
  const [uploading, { open: openUpload, close: closeUpload }] = useDisclosure(false);
  return (
    <>
      <Button variant="default" onClick={openUpload}>
        Upload values
      </Button>
      <Button onClick={openAdd}>Add a value</Button>
      <Modal opened={adding} onClose={closeAdd} title={`Add a value · ${metric.name}`} centered>
        {adding && <MetricValueForm workspace={workspace} metric={metric} onClose={closeAdd} />}
      </Modal>
      <Modal
        opened={uploading}
        onClose={closeUpload}
        title={`Upload values · ${metric.name}`}
        size="xl"
        centered
      >
        {uploading && (
          <Suspense fallback={<LoadingRows label="Loading the form" rows={3} height={36} />}>
            <PointsUpload workspace={workspace} metric={metric} onClose={closeUpload} />
          </Suspense>
        )}
      </Modal>
    </>
  );
}
