// The design system's tokens: colour, spacing, type, radius. Every component takes its look from
// here through Mantine's theme; pages never hard-code colours or sizes.
import { createTheme, type CSSVariablesResolver, type MantineColorsTuple, type MantineTheme } from '@mantine/core';

// Brand blue, 10 shades from light to dark; shade 7 is used for filled controls so that white
// text on it keeps a contrast ratio above 4.5:1 (WCAG AA).
const brand: MantineColorsTuple = [
  '#e8f1ff', '#d0e0ff', '#a0bffa', '#6d9cf6', '#437ef2', '#2a6bf0', '#1a61f0', '#0b50d6', '#0047c0', '#003caa',
];

export const tokens = {
  headerHeight: 56,
  navbarWidth: 248,
  asideWidth: 320,
  pageMaxWidth: 1600,
  tableRowHeight: 40,
};

export const theme = createTheme({
  primaryColor: 'brand',
  primaryShade: 7,
  colors: { brand },
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  headings: { fontWeight: '600', sizes: { h1: { fontSize: '1.5rem' }, h2: { fontSize: '1.25rem' }, h3: { fontSize: '1.05rem' } } },
  fontSizes: { xs: '0.75rem', sm: '0.8125rem', md: '0.875rem', lg: '1rem', xl: '1.125rem' },
  spacing: { xs: '0.375rem', sm: '0.625rem', md: '0.875rem', lg: '1.25rem', xl: '1.75rem' },
  radius: { xs: '2px', sm: '4px', md: '6px', lg: '10px', xl: '16px' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    Button: { defaultProps: { size: 'sm' } },
    TextInput: { defaultProps: { size: 'sm' } },
    Select: { defaultProps: { size: 'sm' } },
    Table: { defaultProps: { verticalSpacing: 'xs', horizontalSpacing: 'sm' } },
    Paper: { defaultProps: { withBorder: true, radius: 'md' } },
    // A light alert colours its title and icon with shade 6 of its colour: below 4.5:1 on its own light
    // background for red, orange, yellow and green (axe color-contrast, seen on the job page). Shade 9 keeps it above.
    Alert: {
      vars: (t: MantineTheme, props: { variant?: string; color?: string }) => ({
        root: props.variant && props.variant !== 'light' ? {} : { '--alert-color': t.colors[props.color ?? t.primaryColor]?.[9] },
      }),
    },
    // Mantine's close button of a toast has no accessible name (axe button-name, critical).
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss notification' } } },
  },
});

/**
 * Secondary ("dimmed") text one shade darker than Mantine's default, so it keeps a 4.5:1 contrast
 * on white and on the light grey page background (axe color-contrast).
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#5c636a' },
  dark: {},
});
