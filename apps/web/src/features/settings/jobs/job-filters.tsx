import { jobStateSchema } from '@bearing/contracts';
import { Group, Input, NativeSelect, SegmentedControl, Stack } from '@mantine/core';
import { useId } from 'react';
import type { JobFilter } from '../../../api/jobs';
import { JOB_KIND_LABELS, JOB_STATE_STYLES } from './job-labels';
import type { JobFilterName } from './use-job-filter';

const STATE_OPTIONS = [
  { value: '', label: 'All' },
  ...jobStateSchema.options.map((state) => ({
    value: state,
    label: JOB_STATE_STYLES[state].label,
  })),
];

export interface JobFiltersProps {
  filter: JobFilter;
  onChange: (name: JobFilterName, value: string | null) => void;
}

/** State (all, queued, running, completed, failed, cancelled) and kind of the jobs listed. */
export function JobFilters({ filter, onChange }: JobFiltersProps) {
  const stateLabelId = useId();
  const kinds = [...JOB_KIND_LABELS].map(([value, label]) => ({ value, label }));
  return (
    <Group align="flex-end" gap="md" wrap="wrap">
      <Stack gap={0}>
        <Input.Label labelElement="div" id={stateLabelId} size="xs">
          State
        </Input.Label>
        <SegmentedControl
          aria-labelledby={stateLabelId}
          size="xs"
          value={filter.state ?? ''}
          onChange={(value) => onChange('state', value || null)}
          data={STATE_OPTIONS}
        />
      </Stack>
      <NativeSelect
        label="Kind"
        size="xs"
        data={[
          { value: '', label: 'Any kind' },
          ...kinds,
          // A kind from a link that this page has no word for yet.
          ...(filter.kind && !JOB_KIND_LABELS.has(filter.kind)
            ? [{ value: filter.kind, label: filter.kind }]
            : []),
        ]}
        value={filter.kind ?? ''}
        onChange={(event) => onChange('kind', event.currentTarget.value || null)}
        w={200}
      />
    </Group>
  );
}
