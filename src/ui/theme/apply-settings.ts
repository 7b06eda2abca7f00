import { WIDTH_CH, type ReaderSettings } from '../settings/reader-settings';
import { THEME_TOKENS, resolveTheme, type ThemeName, type ThemeTokens } from './tokens';

export interface SystemAppearance {
  isDark: boolean;
  wantsMoreContrast: boolean;
}

const FONT_STACKS: Record<ReaderSettings['font'], string> = {
  serif: 'var(--font-serif)',
  sans: 'var(--font-sans)',
  mono: 'var(--font-mono)',
  dyslexic: 'var(--font-dyslexic)',
};

function tokenProperty(name: keyof ThemeTokens): string {
  return `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/**
 * Applies the settings as custom properties on the root element; every style of the pages reads
 * them (through CSSOM, which the extension's strict CSP allows, unlike style attributes in markup).
 */
export function applySettings(root: HTMLElement, settings: ReaderSettings, system: SystemAppearance): ThemeName {
  const theme = resolveTheme(settings.theme, system);
  const tokens = THEME_TOKENS[theme];
  for (const name of Object.keys(tokens) as (keyof ThemeTokens)[]) {
    root.style.setProperty(tokenProperty(name), tokens[name]);
  }
  root.style.setProperty('--reader-font', FONT_STACKS[settings.font]);
  root.style.setProperty('--reader-size', `${settings.fontSize}px`);
  root.style.setProperty('--reader-line-height', String(settings.lineHeight));
  root.style.setProperty('--reader-measure', `${WIDTH_CH[settings.width]}ch`);
  root.style.setProperty('--reader-align', settings.justify ? 'justify' : 'start');
  root.dataset.theme = theme;
  root.style.colorScheme = theme === 'dark' || theme === 'contrast' ? 'dark' : 'light';
  return theme;
}

const DARK = '(prefers-color-scheme: dark)';
const MORE_CONTRAST = '(prefers-contrast: more)';

export function readSystemAppearance(win: Window): SystemAppearance {
  // Test DOMs lack matchMedia: they get the light theme.
  const matches = (query: string) => (typeof win.matchMedia === 'function' ? win.matchMedia(query).matches : false);
  return { isDark: matches(DARK), wantsMoreContrast: matches(MORE_CONTRAST) };
}

/** Calls `onChange` whenever the system's colour scheme or contrast preference changes. */
export function watchSystemAppearance(win: Window, onChange: (system: SystemAppearance) => void): () => void {
  if (typeof win.matchMedia !== 'function') return () => {};
  const dark = win.matchMedia(DARK);
  const more = win.matchMedia(MORE_CONTRAST);
  const report = () => onChange(readSystemAppearance(win));
  dark.addEventListener('change', report);
  more.addEventListener('change', report);
  return () => {
    dark.removeEventListener('change', report);
    more.removeEventListener('change', report);
  };
}
