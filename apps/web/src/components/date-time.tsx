import { Text } from '@mantine/core';

const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});
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
      {(dateOnly ? dateFormat : dateTimeFormat).format(date)}
    </Text>
  );
}
