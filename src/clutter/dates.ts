/**
 * Whether a short text reads as a date, in the languages we read: "May 3, 2024", "5. März 2024",
 * "3 hours ago", "vor 3 Stunden", "2024年3月5日". Pure, shared by extraction and the live page.
 */
import { CJK_DATES, OTHER_MONTHS, RELATIVE_DATES } from './date-words';

const MONTHS =
  '(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)';
/** A letter of the languages we read, for word ends `\b` cannot see (`\b` is ASCII-only without `u`). */
export const NOT_LETTER = '(?![a-zß-ÿā-ž])';
// Matched against the lowercased text: no `i` flag.
const ENGLISH_DATES = [
  new RegExp(`\\b${MONTHS}\\.? \\d{1,2}(st|nd|rd|th)?,? \\d{4}\\b`),
  new RegExp(`\\b${MONTHS}\\.? \\d{1,2}(st|nd|rd|th)?\\b.{0,20}\\b\\d{1,2}[:.]\\d{2}`),
  /\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b/,
  /\b\d{1,2}[:.]\d{2}\s*(am|pm|a\.m\.|p\.m\.)?\s*(gmt|utc|[a-z]{2,4}t)\b/,
];
/**
 * Day first, in every language: "5 March 2024", "5. März 2024", "5 de marzo de 2024", "1er mars
 * 2024 à 14h30". The word is looked up among the month names rather than alternated in the
 * pattern: a hundred names would cost a fresh page more to compile than the rest of the patterns.
 */
const DAY_MONTH = new RegExp(
  `\\b\\d{1,2}(?:\\.|st|nd|rd|th|er|º)? (?:de )?([a-zß-ÿā-ž]{3,12})\\.?(?:,? (?:de |del )?\\d{4}\\b|${NOT_LETTER}.{0,20}\\b\\d{1,2}[:.h]\\d{2}\\b)`,
  'g',
);
const MONTH_NAMES = new Set(
  [
    'january|february|march|april|june|july|august|september|october|november|december',
    'jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec',
    ...OTHER_MONTHS,
  ]
    .join('|')
    .split('|'),
);
/** One search for every language's word ("ago", "vor", "il y a", "前"), its group telling which. */
const RELATIVE_HINT = new RegExp(RELATIVE_DATES.map(([hint]) => `(${hint})`).join('|'), 'g');
const RELATIVE_DATE = RELATIVE_DATES.map(([, pattern]) => new RegExp(pattern));

function hasRelativeDate(lower: string): boolean {
  RELATIVE_HINT.lastIndex = 0;
  for (let hint = RELATIVE_HINT.exec(lower); hint; hint = RELATIVE_HINT.exec(lower)) {
    const language = hint.findIndex((group, i) => i > 0 && group !== undefined) - 1;
    if (RELATIVE_DATE[language]?.test(lower)) return true;
    RELATIVE_HINT.lastIndex = hint.index + 1;
  }
  return false;
}
const CJK_DATE = new RegExp(CJK_DATES.join('|'));

function hasDayMonth(lower: string): boolean {
  DAY_MONTH.lastIndex = 0;
  for (let match = DAY_MONTH.exec(lower); match; match = DAY_MONTH.exec(lower)) {
    if (MONTH_NAMES.has(match[1] as string)) return true;
    DAY_MONTH.lastIndex = match.index + 1;
  }
  return false;
}

export function hasDate(text: string): boolean {
  const lower = text.toLowerCase();
  if (hasRelativeDate(lower)) return true;
  if (!/\d/.test(lower)) return false;
  return ENGLISH_DATES.some((pattern) => pattern.test(lower)) || hasDayMonth(lower) || CJK_DATE.test(lower);
}
