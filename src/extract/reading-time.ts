/**
 * Reading time from characters per minute, which (unlike words) compares across scripts. Speeds
 * are the IReST study's means for silent reading (Trauzettel-Klosinski & Dietz, 2012), the
 * figures Firefox's reader view uses; other languages read at the English speed.
 */
const CHARACTERS_PER_MINUTE: Record<string, number> = {
  ar: 612,
  de: 920,
  en: 987,
  es: 1025,
  fi: 1078,
  fr: 998,
  he: 833,
  it: 950,
  ja: 357,
  nl: 978,
  pl: 916,
  pt: 913,
  ru: 986,
  sl: 885,
  sv: 917,
  tr: 1054,
  zh: 255,
};
const DEFAULT_CPM = 987;

/** Han, kana: one character is one word for counting purposes (they are not space-separated). */
const IDEOGRAPH = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;
/** A run of non-space characters with at least one letter or digit in it. */
const WORD = /[^\s\p{L}\p{N}]*[\p{L}\p{N}]\S*/gu;

export function countWords(text: string): number {
  IDEOGRAPH.lastIndex = 0;
  if (!IDEOGRAPH.test(text)) return text.match(WORD)?.length ?? 0;
  const ideographs = text.match(IDEOGRAPH)?.length ?? 0;
  return ideographs + (text.replace(IDEOGRAPH, ' ').match(WORD)?.length ?? 0);
}

export function charactersPerMinute(lang: string | null): number {
  const primary = lang?.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return CHARACTERS_PER_MINUTE[primary] ?? DEFAULT_CPM;
}

/** Whole minutes, at least 1 for any text: a short piece still reads as "1 min". */
export function estimateReadingMinutes(text: string, lang: string | null): number {
  const characters = text.replace(/\s+/g, ' ').trim().length;
  return characters === 0 ? 0 : Math.max(1, Math.round(characters / charactersPerMinute(lang)));
}
