import { Select } from '@mantine/core';

/**
 * Every IANA zone this browser knows. `UTC` is listed first: `Intl` leaves it out on some
 * engines, and it is the API's default.
 */
const TIME_ZONES: readonly string[] = [
  'UTC',
  ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC'),
];

export interface TimeZoneSelectProps {
  value: string;
  onChange: (timeZone: string) => void;
  error?: string | undefined;
  disabled?: boolean;
}

/** A searchable list of IANA time zones ("Europe/Berlin"): where the team's days start. */
export function TimeZoneSelect({ value, onChange, error, disabled }: TimeZoneSelectProps) {
  // A zone the browser does not list (an older engine) still shows as the current value.
  const data = TIME_ZONES.includes(value) ? TIME_ZONES : [value, ...TIME_ZONES];
  return (
    <Select
      label="Time zone"
      description="Where the team's days begin and end, for sprint days and cycle times."
      searchable
      allowDeselect={false}
      nothingFoundMessage="No such time zone"
      data={data}
      value={value}
      onChange={(zone) => zone && onChange(zone)}
      error={error}
      disabled={disabled}
      limit={100}
    />
  );
}
