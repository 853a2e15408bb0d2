import { Skeleton, Stack } from '@mantine/core';

/** While a list loads: grey blocks where its items will be. */
export function LoadingRows({
  label,
  rows = 3,
  height = 72,
}: {
  label: string;
  rows?: number;
  height?: number;
}) {
  return (
    <Stack gap="sm" role="progressbar" aria-busy="true" aria-label={label}>
      {Array.from({ length: rows }, (_, row) => (
        <Skeleton key={row} height={height} radius="md" />
      ))}
    </Stack>
  );
}
