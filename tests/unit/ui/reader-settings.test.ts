import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  THEMES,
  nextChoice,
  normaliseSettings,
  stepFontSize,
} from '../../../src/ui/settings/reader-settings';

describe('normaliseSettings', () => {
  it('gives the defaults for missing or malformed input', () => {
    for (const raw of [undefined, null, 42, 'dark', [], {}]) expect(normaliseSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid values and repairs the others one by one', () => {
    const s = normaliseSettings({
      font: 'dyslexic',
      fontSize: 99,
      lineHeight: 'tall',
      width: 'wide',
      theme: 'neon',
      justify: true,
      speechRate: 0.1,
      voices: { en: 'voice-1', 'not a language': 'x', fr: 3 },
    });
    expect(s).toEqual({
      ...DEFAULT_SETTINGS,
      font: 'dyslexic',
      fontSize: 32,
      width: 'wide',
      justify: true,
      speechRate: 0.5,
      voices: { en: 'voice-1' },
    });
  });

  it('steps the font size within its limits and cycles the themes', () => {
    expect(stepFontSize(20, 1)).toBe(21);
    expect(stepFontSize(32, 1)).toBe(32);
    expect(stepFontSize(14, -1)).toBe(14);
    expect(THEMES.map((t) => nextChoice(THEMES, t))).toEqual(['light', 'sepia', 'dark', 'contrast', 'auto']);
  });
});
