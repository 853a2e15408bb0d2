import { Badge, createTheme } from '@mantine/core';

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
  },
});
