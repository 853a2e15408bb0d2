import { Skeleton, Stack } from '@mantine/core';

/** While a page's code loads: the shape of a page header and its first content. */
export function PageSkeleton() {
  return (
    <Stack gap="md" role="progressbar" aria-busy="true" aria-label="Loading the page">
      <Skeleton height={34} width={240} />
      <Skeleton height={16} width="50%" />
      <Skeleton height={180} />
    </Stack>
  );
}
