import { useMergedRef } from '@mantine/hooks';
import type { Ref } from 'react';

/**
 * Stands in for `@floating-ui/react` where Mantine's ScrollArea imports it (see vite.config.ts):
 * ScrollArea takes only `useMergeRefs` from it, but floating-ui ships as one module, so that
 * one hook would bring all of floating-ui (~15 kB gzipped) onto every page with a table.
 * Mantine's own `useMergedRef` does the same: every ref gets the node, and null on unmount.
 */
export function useMergeRefs<Instance>(refs: ReadonlyArray<Ref<Instance> | undefined>) {
  return useMergedRef(...refs);
}
