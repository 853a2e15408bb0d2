import { Text } from '@mantine/core';
import { formatDateTime } from './format';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export interface DateTimeProps {
  /** An ISO-8601 instant from the API. */
  value: string;
  /** Day only, without the time. */
  dateOnly?: boolean;
}

/** An instant in the reader's locale and time zone, machine-readable in `dateTime`. */
export function DateTime({ value, dateOnly = false }: DateTimeProps) {
  const date = new Date(value);
  return (
    <Text component="time" dateTime={value} title={date.toISOString()} inherit>
      {dateOnly ? dateFormat.format(date) : formatDateTime(value)}
    </Text>
  );
}
