import { Button, Group } from '@mantine/core';
import { addDays, formatDay } from '../../components/format';
import { isMonday, mondayOf, shiftWeeks } from './report-week';
import { DayInput } from '../../components/day-input';

export interface WeekPickerProps {
  /** The Monday of the week shown. */
  week: string;
  onChange: (week: string) => void;
}

/** Steps week by week; any day picked selects the week holding it. */
export function WeekPicker({ week, onChange }: WeekPickerProps) {
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <Button variant="default" onClick={() => onChange(shiftWeeks(week, -1))}>
        Previous week
      </Button>
      <DayInput
        label="Week of"
        description={`Monday ${formatDay(week)} – Sunday ${formatDay(addDays(week, 6))}`}
        value={week}
        onChange={(event) => {
          const day = event.currentTarget.value;
          if (/^\d{4}-\d{2}-\d{2}$/.test(day)) onChange(isMonday(day) ? day : mondayOf(day));
        }}
      />
      <Button variant="default" onClick={() => onChange(shiftWeeks(week, 1))}>
        Next week
      </Button>
    </Group>
  );
}
