import { Group, SegmentedControl } from '@mantine/core';
import { FLOW_PRESETS, type FlowPreset, type FlowRange } from './flow-range';
import { DayInput } from '../../../components/day-input';

export interface FlowRangeFilterProps {
  range: FlowRange;
  /** The days as typed (from the URL), which may differ from the range used when invalid. */
  typed: { from: string; to: string };
  onPreset: (preset: FlowPreset) => void;
  onDays: (from: string, to: string) => void;
}

/** The flow charts' window: a preset that moves with today, or two days typed in. */
export function FlowRangeFilter({ range, typed, onPreset, onDays }: FlowRangeFilterProps) {
  return (
    <Group gap="md" align="flex-end" wrap="wrap">
      <SegmentedControl
        aria-label="Flow date range"
        value={range.preset === 'custom' ? '' : range.preset}
        onChange={(value) => {
          const preset = FLOW_PRESETS.find((candidate) => candidate.value === value);
          if (preset) onPreset(preset.value);
        }}
        data={FLOW_PRESETS.map((preset) => ({ value: preset.value, label: preset.label }))}
      />
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <DayInput
          label="From"
          size="xs"
          value={typed.from}
          error={range.error?.field === 'from' ? range.error.message : undefined}
          onChange={(event) => onDays(event.currentTarget.value, typed.to)}
        />
        <DayInput
          label="To"
          size="xs"
          value={typed.to}
          error={range.error?.field === 'to' ? range.error.message : undefined}
          onChange={(event) => onDays(typed.from, event.currentTarget.value)}
        />
      </Group>
    </Group>
  );
}
