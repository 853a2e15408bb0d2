import { Select } from '@mantine/core';

/** Every IANA zone this browser knows, `UTC` first (`Intl` leaves it out on some engines). */
const TIME_ZONES: readonly string[] = [
  'UTC',
  ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC'),
];

export interface UserTimeZoneSelectProps {
  /** `null` while the user has not chosen one (digests then follow UTC). */
  value: string | null;
  onChange: (timeZone: string) => void;
  disabled?: boolean;
  error?: string | undefined;
}

/** The user's own time zone: the weekly digest arrives on the review weekday there. */
export function UserTimeZoneSelect({ value, onChange, disabled, error }: UserTimeZoneSelectProps) {
  // A zone the browser does not list (an older engine) still shows as the current value.
  const data = value === null || TIME_ZONES.includes(value) ? TIME_ZONES : [value, ...TIME_ZONES];
  return (
    <Select
      label="Your time zone"
      description="The weekly digest arrives on your workspace's review weekday in this zone."
      placeholder="Not set: UTC"
      searchable
      allowDeselect={false}
      nothingFoundMessage="No such time zone"
      data={data}
      value={value}
      onChange={(zone) => zone && onChange(zone)}
      disabled={disabled}
      error={error}
      limit={100}
      maw={360}
    />
  );
}
