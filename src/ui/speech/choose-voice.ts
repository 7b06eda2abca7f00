import type { SpeechVoice } from './speech-engine';

/** "en-GB" → "en": voices are matched to the article by primary language. */
export function primaryLanguage(lang: string | null | undefined): string {
  return (lang ?? '').split(/[-_]/)[0]?.toLowerCase() ?? '';
}

/** The voices that speak `lang`, best first: the exact region, then the browser's default. */
export function voicesFor(voices: SpeechVoice[], lang: string): SpeechVoice[] {
  const primary = primaryLanguage(lang);
  const exact = lang.toLowerCase().replace('_', '-');
  const score = (v: SpeechVoice) => (v.lang.toLowerCase().replace('_', '-') === exact ? 2 : 0) + (v.isDefault ? 1 : 0);
  return voices.filter((v) => primaryLanguage(v.lang) === primary).sort((a, b) => score(b) - score(a));
}

/** The user's choice for this language when it is still installed, else the best match, else none. */
export function chooseVoice(voices: SpeechVoice[], lang: string, preferredUri: string | undefined): SpeechVoice | null {
  const matching = voicesFor(voices, lang);
  return matching.find((v) => v.uri === preferredUri) ?? matching[0] ?? null;
}
