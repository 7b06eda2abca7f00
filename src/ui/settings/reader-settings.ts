/**
 * The reading settings shared by every surface. Plain data with one validating constructor, so
 * that whatever storage hands back (an older version, another device's sync, a hand-edited value)
 * becomes a complete, in-range object and never breaks a page.
 */
export const FONTS = ['serif', 'sans', 'mono', 'dyslexic'] as const;
export const THEMES = ['auto', 'light', 'sepia', 'dark', 'contrast'] as const;
export const WIDTHS = ['narrow', 'medium', 'wide'] as const;

export type FontChoice = (typeof FONTS)[number];
export type ThemeChoice = (typeof THEMES)[number];
export type WidthChoice = (typeof WIDTHS)[number];

export interface ReaderSettings {
  font: FontChoice;
  /** Body text size in CSS pixels. */
  fontSize: number;
  lineHeight: number;
  width: WidthChoice;
  theme: ThemeChoice;
  justify: boolean;
  /** Read-aloud speed, 1 = the voice's normal rate. */
  speechRate: number;
  /** The voice chosen per language (BCP 47 primary subtag → voice URI). */
  voices: Record<string, string>;
}

export const DEFAULT_SETTINGS: ReaderSettings = {
  font: 'serif',
  fontSize: 20,
  lineHeight: 1.6,
  width: 'medium',
  theme: 'auto',
  justify: false,
  speechRate: 1,
  voices: {},
};

export const LIMITS = {
  fontSize: { min: 14, max: 32, step: 1 },
  lineHeight: { min: 1.2, max: 2.2, step: 0.1 },
  speechRate: { min: 0.5, max: 2, step: 0.25 },
} as const;

/** The measure (characters per line) of each width choice. */
export const WIDTH_CH: Record<WidthChoice, number> = { narrow: 55, medium: 68, wide: 86 };

function pick<T extends string>(choices: readonly T[], value: unknown, fallback: T): T {
  return choices.includes(value as T) ? (value as T) : fallback;
}

function clamp(value: unknown, { min, max }: { min: number; max: number }, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.round(Math.min(max, Math.max(min, value)) * 100) / 100;
}

function toVoices(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string] => /^[a-z]{2,3}$/.test(entry[0]) && typeof entry[1] === 'string',
    ),
  );
}

export function normaliseSettings(raw: unknown): ReaderSettings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof ReaderSettings, unknown>>;
  const d = DEFAULT_SETTINGS;
  return {
    font: pick(FONTS, r.font, d.font),
    fontSize: clamp(r.fontSize, LIMITS.fontSize, d.fontSize),
    lineHeight: clamp(r.lineHeight, LIMITS.lineHeight, d.lineHeight),
    width: pick(WIDTHS, r.width, d.width),
    theme: pick(THEMES, r.theme, d.theme),
    justify: typeof r.justify === 'boolean' ? r.justify : d.justify,
    speechRate: clamp(r.speechRate, LIMITS.speechRate, d.speechRate),
    voices: toVoices(r.voices),
  };
}

/** The next value in `choices` after `current`, wrapping round (keyboard shortcuts cycle themes). */
export function nextChoice<T>(choices: readonly T[], current: T): T {
  const index = choices.indexOf(current);
  return choices[(index + 1) % choices.length] as T;
}

export function stepFontSize(current: number, direction: 1 | -1): number {
  return clamp(current + direction * LIMITS.fontSize.step, LIMITS.fontSize, current);
}
