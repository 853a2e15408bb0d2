import type { TooltipProps } from '@mantine/core';
import { lazy, Suspense } from 'react';

// Its own module, so that the lazy chunk holds the tooltip alone rather than all of Mantine.
const Tooltip = lazy(async () => ({ default: (await import('./tooltip')).Tooltip }));

/**
 * Mantine's Tooltip, loaded after the page: a tooltip shows only on hover or focus, so its code
 * (and the floating-ui positioning under it) need not hold up the first paint. Until it has
 * arrived the child shows alone — with its own accessible name, as every child here has.
 */
export function DeferredTooltip(props: TooltipProps) {
  return (
    <Suspense fallback={props.children}>
      <Tooltip {...props} />
    </Suspense>
  );
}
