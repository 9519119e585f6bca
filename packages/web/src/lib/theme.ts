import { createTheme } from '@mantine/core';

/** Plain and readable: one accent colour, clear focus rings, system fonts that have the Tajik letters. */
export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: 8,
  focusRing: 'auto',
  defaultRadius: 'sm',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '600' },
  cursorType: 'pointer',
});
