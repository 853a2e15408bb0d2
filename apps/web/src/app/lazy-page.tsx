import { type ComponentType, lazy, type LazyExoticComponent } from 'react';

/**
 * A page loaded when first visited: each area of the app is its own chunk, so the first page
 * (the portfolio for most people) downloads only what it shows. The `<Suspense>` around the
 * routed page in the layout shows a skeleton meanwhile.
 */
export function lazyPage<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
): LazyExoticComponent<ComponentType> {
  return lazy(async () => {
    const page: ComponentType = (await load())[name];
    return { default: page };
  });
}
