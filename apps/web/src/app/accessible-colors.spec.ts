import { describe, expect, it } from '@jest/globals';
import { DEFAULT_THEME } from '@mantine/core';
import {
  AA_TEXT_CONTRAST,
  accessibleColorVariables,
  contrastRatio,
  darkenToContrast,
} from './accessible-colors';
import { theme } from './theme';

const colors = DEFAULT_THEME.colors;
const gray = colors.gray;
const variables = accessibleColorVariables(colors, theme.primaryColor ?? 'indigo', gray);
const WHITE = '#ffffff';

/** Each pair that falls below AA, named, so that a failure says which colour. */
function belowAa(pairs: [name: string, text: string, background: string][]) {
  return pairs
    .map(([name, text, background]) => ({ name, ratio: contrastRatio(text, background) }))
    .filter(({ ratio }) => ratio < AA_TEXT_CONTRAST)
    .map(({ name, ratio }) => `${name} ${ratio.toFixed(2)}`);
}

describe('the theme’s text colours reach WCAG AA contrast', () => {
  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // Mantine's default dimmed grey on white, the failure the browser check found: 3.3:1.
    expect(contrastRatio(gray[6], WHITE)).toBeCloseTo(3.32, 2);
  });

  it('keeps a colour that already reads and darkens one that does not, just enough', () => {
    expect(darkenToContrast('#495057', [WHITE])).toBe('#495057');
    const darker = darkenToContrast(gray[6], [WHITE]);
    expect(contrastRatio(darker, WHITE)).toBeGreaterThanOrEqual(AA_TEXT_CONTRAST);
    expect(contrastRatio(darker, WHITE)).toBeLessThan(AA_TEXT_CONTRAST + 0.5);
  });

  it('dimmed text, links and error text read on white and on the light greys', () => {
    const pairs: [string, string, string][] = [];
    for (const name of [
      '--mantine-color-dimmed',
      '--mantine-color-anchor',
      '--mantine-color-error',
    ]) {
      for (const background of [WHITE, gray[0], gray[1], gray[2]]) {
        pairs.push([`${name} on ${background}`, variables[name] ?? '', background]);
      }
    }
    expect(belowAa(pairs)).toEqual([]);
  });

  it('every colour’s text, outline, filled and light variants read', () => {
    const pairs: [string, string, string][] = [];
    for (const [name, shades] of Object.entries(colors)) {
      const variable = (suffix: string) => variables[`--mantine-color-${name}-${suffix}`] ?? '';
      pairs.push(
        [`${name} text on white`, variable('text'), WHITE],
        [`${name} text on gray-1`, variable('text'), gray[1]],
        [`${name} outline on white`, variable('outline'), WHITE],
        [`white on ${name} filled`, WHITE, variable('filled')],
        [`white on ${name} filled hover`, WHITE, variable('filled-hover')],
        [`${name} light text on its light background`, variable('light-color'), shades[1]],
        [`${name} light text on its hover background`, variable('light-color'), shades[2]],
      );
    }
    expect(belowAa(pairs)).toEqual([]);
  });
});
