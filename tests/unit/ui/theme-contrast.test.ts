import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../../src/ui/theme/contrast';
import { THEME_TOKENS, resolveTheme, type ThemeName } from '../../../src/ui/theme/tokens';

const AA_TEXT = 4.5;
const AA_NON_TEXT = 3;

/** Every pairing the pages draw: [foreground token, background token, required ratio]. */
const PAIRS: [keyof (typeof THEME_TOKENS)['light'], keyof (typeof THEME_TOKENS)['light'], number][] = [
  ['fg', 'bg', AA_TEXT],
  ['fg', 'surface', AA_TEXT],
  ['muted', 'bg', AA_TEXT],
  ['muted', 'surface', AA_TEXT],
  ['link', 'bg', AA_TEXT],
  ['link', 'surface', AA_TEXT],
  ['onAccent', 'accent', AA_TEXT],
  ['fg', 'highlight', AA_TEXT],
  ['link', 'highlight', AA_TEXT],
  ['fg', 'markYellow', AA_TEXT],
  ['link', 'markYellow', AA_TEXT],
  ['fg', 'markGreen', AA_TEXT],
  ['link', 'markGreen', AA_TEXT],
  ['fg', 'markBlue', AA_TEXT],
  ['link', 'markBlue', AA_TEXT],
  ['fg', 'markPink', AA_TEXT],
  ['link', 'markPink', AA_TEXT],
  ['accent', 'bg', AA_NON_TEXT],
  ['accent', 'surface', AA_NON_TEXT],
  ['border', 'bg', AA_NON_TEXT],
  ['border', 'surface', AA_NON_TEXT],
  ['focus', 'bg', AA_NON_TEXT],
  ['focus', 'surface', AA_NON_TEXT],
];

describe.each(Object.keys(THEME_TOKENS) as ThemeName[])('theme %s', (name) => {
  const tokens = THEME_TOKENS[name];
  it.each(PAIRS)('%s on %s reaches %s:1', (fg, bg, required) => {
    expect(contrastRatio(tokens[fg], tokens[bg])).toBeGreaterThanOrEqual(required);
  });
});

describe('contrast', () => {
  it('computes the WCAG ratio', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
  });

  it('high contrast reaches AAA for body text', () => {
    expect(contrastRatio(THEME_TOKENS.contrast.fg, THEME_TOKENS.contrast.bg)).toBeGreaterThanOrEqual(7);
  });

  it('auto follows the system, preferring high contrast when asked', () => {
    expect(resolveTheme('auto', { isDark: true, wantsMoreContrast: false })).toBe('dark');
    expect(resolveTheme('auto', { isDark: false, wantsMoreContrast: false })).toBe('light');
    expect(resolveTheme('auto', { isDark: false, wantsMoreContrast: true })).toBe('contrast');
    expect(resolveTheme('sepia', { isDark: true, wantsMoreContrast: true })).toBe('sepia');
  });
});
