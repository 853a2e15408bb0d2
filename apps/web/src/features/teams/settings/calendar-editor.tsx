import type { TeamCalendar } from '@bearing/contracts';
import { ActionIcon, Button, Checkbox, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { formatDay } from '../../../components/format';
import { errorAtOrBelow, type PathErrors } from '../../../components/path-errors';
import { DayInput } from '../../../components/day-input';

/** Monday first, as work weeks are read; the values are the API's 0 = Sunday … 6 = Saturday. */
const WEEKDAYS = [
  { value: 1, label: 'Monday' },
  { value: 2, label: 'Tuesday' },
  { value: 3, label: 'Wednesday' },
  { value: 4, label: 'Thursday' },
  { value: 5, label: 'Friday' },
  { value: 6, label: 'Saturday' },
  { value: 0, label: 'Sunday' },
];

export interface CalendarEditorProps {
  calendar: TeamCalendar;
  onChange: (calendar: TeamCalendar) => void;
  errors: PathErrors;
  disabled: boolean;
}

/** Which weekdays nobody works, and the team's holidays (whole days off for everyone). */
export function CalendarEditor({ calendar, onChange, errors, disabled }: CalendarEditorProps) {
  const [holiday, setHoliday] = useState('');
  const [holidayError, setHolidayError] = useState<string | undefined>();
  const holidays = [...calendar.holidays].sort();

  const addHoliday = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(holiday)) {
      setHolidayError('Pick a day');
      return;
    }
    if (calendar.holidays.includes(holiday)) {
      setHolidayError(`${formatDay(holiday)} is a holiday already`);
      return;
    }
    setHolidayError(undefined);
    onChange({ ...calendar, holidays: [...calendar.holidays, holiday].sort() });
    setHoliday('');
  };

  return (
    <Stack gap="md">
      <Checkbox.Group
        label="Non-working weekdays"
        description="Days nobody on the team works; sprint days and capacity leave them out."
        value={calendar.nonWorkingWeekdays.map(String)}
        onChange={(values) =>
          onChange({ ...calendar, nonWorkingWeekdays: values.map(Number).sort() })
        }
        error={errorAtOrBelow(errors, 'calendar.nonWorkingWeekdays')}
      >
        <Group gap="md" mt="xs">
          {WEEKDAYS.map((day) => (
            <Checkbox
              key={day.value}
              value={String(day.value)}
              label={day.label}
              disabled={disabled}
            />
          ))}
        </Group>
      </Checkbox.Group>
      <Stack gap="xs">
        <Text size="sm" fw={500} id="holidays-label">
          Holidays
        </Text>
        {holidays.length === 0 ? (
          <Text size="sm" c="dimmed">
            No holidays yet.
          </Text>
        ) : (
          <List aria-labelledby="holidays-label" spacing={4} listStyleType="none" ml={0} pl={0}>
            {holidays.map((day) => (
              <List.Item key={day}>
                <Group gap="xs">
                  <Text size="sm" component="time" dateTime={day}>
                    {formatDay(day)}
                  </Text>
                  <ActionIcon
                    size="sm"
                    variant="subtle"
                    color="red"
                    aria-label={`Remove the holiday ${formatDay(day)}`}
                    disabled={disabled}
                    onClick={() =>
                      onChange({
                        ...calendar,
                        holidays: calendar.holidays.filter((other) => other !== day),
                      })
                    }
                  >
                    ×
                  </ActionIcon>
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        {errorAtOrBelow(errors, 'calendar.holidays') && (
          <Text size="sm" c="red" role="alert">
            Holidays: {errorAtOrBelow(errors, 'calendar.holidays')}
          </Text>
        )}
        {!disabled && (
          <Group align="flex-start" gap="sm">
            <DayInput
              label="Holiday"
              value={holiday}
              onChange={(event) => setHoliday(event.currentTarget.value)}
              error={holidayError}
            />
            <Button variant="default" mt={25} onClick={addHoliday}>
              Add holiday
            </Button>
          </Group>
        )}
      </Stack>
    </Stack>
  );
}
