import { createTheme } from '@mantine/core';

// System fonts only: the app makes no request to any host but its own.
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
});
