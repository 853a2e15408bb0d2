import { DateInput, type DateInputProps } from '@mantine/dates';
import '@mantine/dates/styles.css';
import dayjs from 'dayjs';
import { useState } from 'react';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';

dayjs.extend(customParseFormat);

/** How a day is shown: the way the app writes days elsewhere ("Nov 30, 2026"). */
export const DAY_FORMAT = 'MMM D, YYYY';

/** What may be typed besides an ISO day: the shown format and its close relatives. */
const TYPED_FORMATS = [DAY_FORMAT, 'MMMM D, YYYY', 'MMM D YYYY', 'D MMM YYYY', 'D MMMM YYYY'];

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A typed day as `YYYY-MM-DD`, or null while it is not (yet) a real day. ISO days are always
 * understood, so a pasted `2026-11-30` works; so does "Nov 30, 2026". Numeric forms such as
 * 11/30/2026 are not guessed at: they mean different days in different countries.
 */
export function parseTypedDay(text: string): string | null {
  const typed = text.trim();
  if (ISO_DAY.test(typed)) {
    const day = dayjs(typed, 'YYYY-MM-DD', true);
    return day.isValid() ? typed : null;
  }
  const day = dayjs(typed, TYPED_FORMATS, 'en', true);
  return day.isValid() ? day.format('YYYY-MM-DD') : null;
}

/** Shaped like an input's change event, so this input replaces `<TextInput type="date">`. */
export interface DayChangeEvent {
  currentTarget: { value: string };
}

export interface DayInputProps extends Omit<
  DateInputProps,
  'value' | 'defaultValue' | 'onChange' | 'minDate' | 'maxDate' | 'type' | 'min' | 'max'
> {
  /** The day as `YYYY-MM-DD`; `''` for none. */
  value: string;
  /** Called with the day as `YYYY-MM-DD` once what is typed or picked is a day; `''` when cleared. */
  onChange: (event: DayChangeEvent) => void;
  /** Earliest and latest day that may be chosen, as `YYYY-MM-DD`. */
  min?: string | undefined;
  max?: string | undefined;
}

/**
 * The one input for a day: shows "Nov 30, 2026" whatever the browser's locale (a native date
 * input shows 11/30/2026 in one browser and 30.11.2026 in the next), and hands the form ISO
 * `YYYY-MM-DD` strings — what the API takes. A click opens a calendar; it closes once a day is
 * picked or typed, or the field is left, so it never hides the buttons below while one types.
 */
export function DayInput({
  value,
  onChange,
  min,
  max,
  required,
  onClick,
  onBlur,
  ...props
}: DayInputProps) {
  const [calendarOpen, setCalendarOpen] = useState(false);
  return (
    <DateInput
      {...props}
      required={required}
      value={value === '' ? null : value}
      onChange={(day) => {
        setCalendarOpen(false);
        onChange({ currentTarget: { value: day ?? '' } });
      }}
      onClick={(event) => {
        onClick?.(event);
        setCalendarOpen(true);
      }}
      onBlur={(event) => {
        onBlur?.(event);
        setCalendarOpen(false);
      }}
      valueFormat={DAY_FORMAT}
      dateParser={parseTypedDay}
      minDate={min}
      maxDate={max}
      clearable={!required}
      placeholder={props.placeholder ?? 'e.g. Nov 30, 2026'}
      popoverProps={{
        withinPortal: true,
        ...props.popoverProps,
        opened: calendarOpen,
        onClose: () => setCalendarOpen(false),
      }}
    />
  );
}
