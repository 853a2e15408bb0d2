import { useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

/**
 * Below Mantine's `sm` breakpoint (a phone held upright): where pages show cards instead of wide
 * tables. False on the first render and in jsdom, which has no layout, so tests see the tables.
 */
export function useSmallScreen(): boolean {
  const { breakpoints } = useMantineTheme();
  // Breakpoints are in em; just under `sm`, as Mantine's own `hiddenFrom="sm"` draws the line.
  return useMediaQuery(`(max-width: ${Number.parseFloat(breakpoints.sm) - 0.01}em)`) ?? false;
}
