import { Group, SegmentedControl } from '@mantine/core';
import { type DateRangeState, RANGE_PRESETS, type RangePreset } from './use-date-range';
import { DayInput } from '../../components/day-input';

export interface DateRangeFilterProps {
  state: DateRangeState;
  onPreset: (preset: RangePreset) => void;
  onDays: (from: string, to: string) => void;
}

/** Last 30 / 90 / 365 days, everything, or two days typed in. */
export function DateRangeFilter({ state, onPreset, onDays }: DateRangeFilterProps) {
  return (
    <Group gap="md" align="flex-end" wrap="wrap">
      <SegmentedControl
        aria-label="Date range"
        value={state.preset === 'custom' ? '' : state.preset}
        onChange={(value) => {
          const preset = RANGE_PRESETS.find((candidate) => candidate.value === value);
          if (preset) onPreset(preset.value);
        }}
        data={RANGE_PRESETS.map((preset) => ({ value: preset.value, label: preset.label }))}
      />
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <DayInput
          label="From"
          size="xs"
          value={state.from ?? ''}
          onChange={(event) => onDays(event.currentTarget.value, state.to ?? '')}
        />
        <DayInput
          label="To"
          size="xs"
          value={state.to ?? ''}
          onChange={(event) => onDays(state.from ?? '', event.currentTarget.value)}
        />
      </Group>
    </Group>
  );
}
