/**
 * Colour tokens of each theme: the single source for the pages' custom properties and for the
 * contrast test that holds every theme to WCAG AA.
 */
import type { ThemeChoice } from '../settings/reader-settings';

export type ThemeName = Exclude<ThemeChoice, 'auto'>;

export interface ThemeTokens {
  /** Page background. */
  bg: string;
  /** Bars, panels and dialogs. */
  surface: string;
  fg: string;
  /** Secondary text: bylines, dates, captions. */
  muted: string;
  link: string;
  /** Filled buttons and active controls; `onAccent` is text drawn on it. */
  accent: string;
  onAccent: string;
  /** Borders of controls (non-text contrast, WCAG 1.4.11). */
  border: string;
  focus: string;
  /** The sentence being read aloud, drawn behind `fg`. */
  highlight: string;
  /** Quiet rules and table lines: decoration, exempt from contrast rules. */
  rule: string;
  /** The reader's highlights (src/ui/highlights), drawn behind `fg` and links. */
  markYellow: string;
  markGreen: string;
  markBlue: string;
  markPink: string;
}

export const THEME_TOKENS: Record<ThemeName, ThemeTokens> = {
  light: {
    bg: '#fbfaf7',
    surface: '#f0ede6',
    fg: '#1f1d1a',
    muted: '#595349',
    link: '#1a56a0',
    accent: '#1d5fb4',
    onAccent: '#ffffff',
    border: '#857d70',
    focus: '#1d5fb4',
    highlight: '#fce38a',
    rule: '#ddd7cc',
    markYellow: '#fff0a0',
    markGreen: '#cdeec3',
    markBlue: '#d3e5ff',
    markPink: '#ffd6e8',
  },
  sepia: {
    bg: '#f5eddb',
    surface: '#ebe0c6',
    fg: '#3a2e21',
    muted: '#5c4b37',
    link: '#7e3d05',
    accent: '#7e4a10',
    onAccent: '#ffffff',
    border: '#8a775a',
    focus: '#7e4a10',
    highlight: '#ead18a',
    rule: '#d9ccb0',
    markYellow: '#ecd98f',
    markGreen: '#d3dfb2',
    markBlue: '#d2dde4',
    markPink: '#efcfc9',
  },
  dark: {
    bg: '#1c1b19',
    surface: '#272623',
    fg: '#ece8e1',
    muted: '#b9b3a9',
    link: '#93bcf2',
    accent: '#93bcf2',
    onAccent: '#10161f',
    border: '#80796e',
    focus: '#93bcf2',
    highlight: '#5a4713',
    rule: '#3b3833',
    markYellow: '#5a4713',
    markGreen: '#26422a',
    markBlue: '#22406a',
    markPink: '#652b46',
  },
  contrast: {
    bg: '#000000',
    surface: '#000000',
    fg: '#ffffff',
    muted: '#e8e8e8',
    link: '#ffee32',
    accent: '#ffee32',
    onAccent: '#000000',
    border: '#ffffff',
    focus: '#3ff0ff',
    highlight: '#1c3fd6',
    rule: '#9a9a9a',
    markYellow: '#4d3f00',
    markGreen: '#0b4a1c',
    markBlue: '#1c3fd6',
    markPink: '#7a1248',
  },
};

/** `auto` follows the system: dark or light, and high contrast when the user asks for more. */
export function resolveTheme(choice: ThemeChoice, system: { isDark: boolean; wantsMoreContrast: boolean }): ThemeName {
  if (choice !== 'auto') return choice;
  if (system.wantsMoreContrast) return 'contrast';
  return system.isDark ? 'dark' : 'light';
}
