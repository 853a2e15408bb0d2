import {
  createTheme,
  type Badge,
  type Drawer,
  type InputClearButton,
  type Menu,
  type Modal,
  type TableScrollContainer,
} from '@mantine/core';

// Each component's settings are what `Component.extend(…)` takes, written without calling it:
// `extend` only returns its argument, and importing the components here would put the menu,
// dialog, drawer and table code into the app shell that every page loads first.
type Settings<Component extends { extend: (settings: never) => unknown }> = Parameters<
  Component['extend']
>[0];

/** Every dialog's × button says what it does (Mantine leaves it unnamed). */
const CLOSE_BUTTON_PROPS = { 'aria-label': 'Close' };

// System fonts only: the app makes no request to any host but its own.
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  // Someone who asked their system for less motion gets dialogs, menus and popovers without
  // their fade and slide (WCAG 2.3.3).
  respectReducedMotion: true,
  components: {
    // Mantine cuts a badge short with an ellipsis when its row is narrow ("Waterm…", "On t…"):
    // a status must always be read in full, so a badge keeps the width of its words and the
    // row, card or column around it wraps or grows instead.
    Badge: {
      styles: {
        root: { overflow: 'visible', flexShrink: 0, maxWidth: 'none' },
        label: { overflow: 'visible', textOverflow: 'clip' },
      },
    } satisfies Settings<typeof Badge>,
    Drawer: { defaultProps: { closeButtonProps: CLOSE_BUTTON_PROPS } } satisfies Settings<
      typeof Drawer
    >,
    Modal: { defaultProps: { closeButtonProps: CLOSE_BUTTON_PROPS } } satisfies Settings<
      typeof Modal
    >,
    // A menu opens with focus on its first item (as WAI-ARIA menus do), not on Mantine's
    // focusable placeholder, which a menu may not contain (only items, groups and separators).
    Menu: { defaultProps: { withInitialFocusPlaceholder: false } } satisfies Settings<typeof Menu>,
    // The × that empties a clearable input (dates, selects): named, as every button must be.
    InputClearButton: { defaultProps: { 'aria-label': 'Clear' } } satisfies Settings<
      typeof InputClearButton
    >,
    // A wide table scrolls sideways inside its box on a small screen. The browser's own
    // scrolling (touch, trackpad, keyboard) and a tab stop, so that keyboard users can scroll it
    // too; a maximum height, where a table asks for one, scrolls the same box. Positioned, so
    // that what is positioned inside (visually hidden words) scrolls with it rather than
    // widening the page.
    TableScrollContainer: {
      defaultProps: { type: 'native', tabIndex: 0 },
      styles: {
        scrollContainer: {
          maxHeight: 'var(--table-max-height)',
          overflowY: 'auto',
          position: 'relative',
        },
        scrollContainerInner: { maxHeight: 'none' },
      },
    } satisfies Settings<typeof TableScrollContainer>,
  },
});
