import {
  cloneElement,
  type MouseEventHandler,
  type ReactElement,
  type ReactNode,
  Suspense,
  useState,
} from 'react';

/** What the loaded menu receives: its target, and whether to open at once. */
export interface LoadedMenuProps {
  /** The button that opens the menu: the same element the page showed while loading. */
  target: ReactElement;
  /** The target was clicked before the menu's code arrived: the menu opens as it appears. */
  defaultOpened: boolean;
}

export interface DeferredMenuProps {
  target: ReactElement<{ onClick?: MouseEventHandler }>;
  /** Renders the lazily loaded menu (a `lazy()` component) around `target`. */
  children: (menu: LoadedMenuProps) => ReactNode;
}

/**
 * A header menu whose button shows at once while the menu's own code (Mantine's Menu, Popover
 * and the floating-ui positioning under them) loads after the page: the dropdown is never visible
 * at first paint, so the app shell does not carry it. A click that comes before the code is
 * remembered and opens the menu when it arrives.
 */
export function DeferredMenu({ target, children }: DeferredMenuProps) {
  const [clickedEarly, setClickedEarly] = useState(false);
  return (
    <Suspense fallback={cloneElement(target, { onClick: () => setClickedEarly(true) })}>
      {children({ target, defaultOpened: clickedEarly })}
    </Suspense>
  );
}
