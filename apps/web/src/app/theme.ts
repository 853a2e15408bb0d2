import {
  Badge,
  createTheme,
  Drawer,
  InputClearButton,
  Menu,
  Modal,
  TableScrollContainer,
} from '@mantine/core';

/** Every dialog's × button says what it does (Mantine leaves it unnamed). */
const CLOSE_BUTTON_PROPS = { 'aria-label': 'Close' };

// System fonts only: the app makes no request to any host but its own.
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  components: {
    // Mantine cuts a badge short with an ellipsis when its row is narrow ("Waterm…", "On t…"):
    // a status must always be read in full, so a badge keeps the width of its words and the
    // row, card or column around it wraps or grows instead.
    Badge: Badge.extend({
      styles: {
        root: { overflow: 'visible', flexShrink: 0, maxWidth: 'none' },
        label: { overflow: 'visible', textOverflow: 'clip' },
      },
    }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: CLOSE_BUTTON_PROPS } }),
    Modal: Modal.extend({ defaultProps: { closeButtonProps: CLOSE_BUTTON_PROPS } }),
    // A menu opens with focus on its first item (as WAI-ARIA menus do), not on Mantine's
    // focusable placeholder, which a menu may not contain (only items, groups and separators).
    Menu: Menu.extend({ defaultProps: { withInitialFocusPlaceholder: false } }),
    // The × that empties a clearable input (dates, selects): named, as every button must be.
    InputClearButton: InputClearButton.extend({ defaultProps: { 'aria-label': 'Clear' } }),
    // A wide table scrolls sideways inside its box on a small screen. The browser's own
    // scrolling (touch, trackpad, keyboard) and a tab stop, so that keyboard users can scroll it
    // too; a maximum height, where a table asks for one, scrolls the same box. Positioned, so
    // that what is positioned inside (visually hidden words) scrolls with it rather than
    // widening the page.
    TableScrollContainer: TableScrollContainer.extend({
      defaultProps: { type: 'native', tabIndex: 0 },
      styles: {
        scrollContainer: {
          maxHeight: 'var(--table-max-height)',
          overflowY: 'auto',
          position: 'relative',
        },
        scrollContainerInner: { maxHeight: 'none' },
      },
    }),
  },
});
