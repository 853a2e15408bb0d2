import type { CSSVariablesResolver, MantineColorsTuple } from '@mantine/core';

/** WCAG 2.x AA for normal-size text: what every text colour of the app must reach. */
export const AA_TEXT_CONTRAST = 4.5;

type Rgb = readonly [number, number, number];

function parseHex(hex: string): Rgb {
  const digits = hex.replace('#', '');
  const full =
    digits.length === 3
      ? digits
          .split('')
          .map((digit) => digit + digit)
          .join('')
      : digits;
  const value = Number.parseInt(full, 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function toHex([red, green, blue]: Rgb): string {
  return `#${[red, green, blue].map((part) => Math.round(part).toString(16).padStart(2, '0')).join('')}`;
}

/** Relative luminance, as WCAG 2.x defines it. */
function luminanceOf(hex: string): number {
  const [red, green, blue] = parseHex(hex).map((part) => {
    const channel = part / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as unknown as Rgb;
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

/** The WCAG contrast ratio of two colours (1 to 21). */
export function contrastRatio(first: string, second: string): number {
  const [lighter, darker] = [luminanceOf(first), luminanceOf(second)].sort((a, b) => b - a) as [
    number,
    number,
  ];
  return (lighter + 0.05) / (darker + 0.05);
}

/** `color` mixed with `amount` (0 to 1) of black. */
function mixWithBlack(color: string, amount: number): string {
  const [red, green, blue] = parseHex(color);
  return toHex([red * (1 - amount), green * (1 - amount), blue * (1 - amount)]);
}

/**
 * `color` itself if it reads on every one of `backgrounds`, else the same hue mixed with black in
 * small steps until it does: the lightest shade of that colour that passes.
 */
export function darkenToContrast(color: string, backgrounds: readonly string[]): string {
  for (let black = 0; black <= 1; black += 0.02) {
    const candidate = mixWithBlack(color, black);
    if (
      backgrounds.every((background) => contrastRatio(candidate, background) >= AA_TEXT_CONTRAST)
    ) {
      return candidate;
    }
  }
  return '#000000';
}

const WHITE = '#ffffff';

/**
 * Mantine's light-scheme text colours, made to reach AA contrast where they are drawn: its
 * defaults put light grey (`dimmed`, 3.3:1), indigo links and buttons (4.3:1) and the text of
 * light badges (yellow 2.7:1) below it. Only text colours change; the palettes (and so the charts'
 * and shapes' colours) stay as they are. Each colour keeps its hue, darkened just enough.
 */
export function accessibleColorVariables(
  colors: Record<string, MantineColorsTuple>,
  primaryColor: string,
  gray: MantineColorsTuple,
): Record<string, string> {
  // Text sits on white, on the light grey of striped rows and hovers, and on gray-2 tracks.
  const pageBackgrounds = [WHITE, gray[0], gray[1], gray[2]];
  const variables: Record<string, string> = {};
  for (const [name, shades] of Object.entries(colors)) {
    const text = darkenToContrast(shades[6], pageBackgrounds);
    // Filled buttons and badges carry white text: the lightest shade from 6 on that reads.
    const filled =
      [shades[6], shades[7], shades[8], shades[9]].find(
        (shade) => contrastRatio(shade, WHITE) >= AA_TEXT_CONTRAST,
      ) ?? darkenToContrast(shades[9], [WHITE]);
    variables[`--mantine-color-${name}-text`] = text;
    variables[`--mantine-color-${name}-outline`] = text;
    variables[`--mantine-color-${name}-filled`] = filled;
    variables[`--mantine-color-${name}-filled-hover`] = mixWithBlack(filled, 0.12);
    // Light variants: the colour's darkest shade on its pale background (shade 1, 2 on hover).
    variables[`--mantine-color-${name}-light-color`] = darkenToContrast(shades[9], [
      shades[1],
      shades[2],
      WHITE,
    ]);
  }
  const primaryText = variables[`--mantine-color-${primaryColor}-text`] ?? '';
  variables['--mantine-color-anchor'] = primaryText;
  variables['--mantine-color-dimmed'] = darkenToContrast(gray[6], pageBackgrounds);
  variables['--mantine-color-error'] = variables['--mantine-color-red-text'] ?? '';
  return variables;
}

/** Adds the accessible text colours to the light scheme (the app has no dark scheme). */
export const accessibleColorsResolver: CSSVariablesResolver = (theme) => ({
  variables: {},
  light: accessibleColorVariables(theme.colors, theme.primaryColor, theme.colors.gray),
  dark: {},
});
