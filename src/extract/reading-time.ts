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

/**
 * A word is a run of non-space characters with at least one letter or digit in it; Han and kana
 * count one word per character (they are not space-separated) and also end a run. Counted in one
 * pass over the characters, with no regular expression unless a run's only candidates for a
 * letter are outside ASCII: the count runs over every text node of a page.
 */
export function countWords(text: string): number {
  let words = 0;
  let start = -1;
  let hasAsciiLetter = false;
  let hasOther = false;
  const length = text.length;
  for (let i = 0; i <= length; i++) {
    const c = i < length ? text.charCodeAt(i) : 32;
    const ideograph = isIdeograph(c);
    if (ideograph || isSpace(c)) {
      if (start >= 0 && (hasAsciiLetter || (hasOther && LETTER_OR_DIGIT.test(text.slice(start, i))))) words++;
      if (ideograph) words++;
      start = -1;
      continue;
    }
    if (start < 0) {
      start = i;
      hasAsciiLetter = false;
      hasOther = false;
    }
    if (c < 128) {
      if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) hasAsciiLetter = true;
    } else hasOther = true;
  }
  return words;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** JavaScript's `\s`. */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Hiragana and katakana, CJK ideographs (with extension A) and compatibility ideographs. */
function isIdeograph(c: number): boolean {
  return (
    c >= 0x3040 &&
    (c <= 0x30ff || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff))
  );
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
