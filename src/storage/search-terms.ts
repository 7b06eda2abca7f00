/**
 * Words as the search index sees them: split on spaces and punctuation, lower-cased, accents
 * folded (so "cafe" finds "Café"), the commonest words of a few languages left out (they match
 * everything and would make every save rewrite the biggest posting lists).
 */

const SEPARATORS = /[\n\r\p{Z}\p{P}\p{S}]+/u;
const MAX_TERM_LENGTH = 40;

// prettier-ignore
const STOP_WORDS = new Set([
  // English
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'from', 'had', 'has', 'have', 'he', 'her', 'his',
  'i', 'in', 'is', 'it', 'its', 'of', 'on', 'or', 'she', 'that', 'the', 'their', 'they', 'this', 'to', 'was', 'we',
  'were', 'which', 'with', 'you',
  // French, German, Spanish, Italian, Portuguese, Dutch
  'le', 'la', 'les', 'de', 'des', 'du', 'et', 'un', 'une', 'est', 'en', 'que', 'qui', 'dans', 'pour', 'pas',
  'der', 'die', 'das', 'und', 'ist', 'den', 'dem', 'ein', 'eine', 'zu', 'mit', 'nicht', 'von', 'sich', 'auf',
  'el', 'los', 'las', 'y', 'del', 'por', 'con', 'para', 'una', 'se', 'lo',
  'il', 'di', 'che', 'e', 'per', 'non', 'della', 'da', 'o', 'do', 'da', 'os', 'as', 'em', 'um', 'uma',
  'het', 'een', 'van', 'op', 'te', 'dat', 'niet', 'zijn',
]);

export function normaliseTerm(term: string): string {
  return term
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');
}

/** The searchable words of a text, in order, repeats kept (they count). */
export function termsOf(text: string): string[] {
  const terms: string[] = [];
  for (const raw of text.split(SEPARATORS)) {
    if (!raw) continue;
    const term = normaliseTerm(raw);
    if (term && term.length <= MAX_TERM_LENGTH && !STOP_WORDS.has(term)) terms.push(term);
  }
  return terms;
}

export interface SearchableText {
  title: string;
  byline: string | null;
  siteName: string | null;
  host: string;
  text: string;
  /** The notes of the article's highlights (their text is in `text` already). */
  notes?: string;
}

/**
 * How much a word says about an article, 1–255: title words most, then byline and site, then the
 * reader's notes, then body.
 */
export function termScores(doc: SearchableText): Map<string, number> {
  const scores = new Map<string, number>();
  const add = (text: string, weight: number, cap: number) => {
    const counts = new Map<string, number>();
    for (const term of termsOf(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, count] of counts) scores.set(term, (scores.get(term) ?? 0) + weight * Math.min(count, cap));
  };
  add(doc.text, 1, 15);
  add(doc.notes ?? '', 4, 3);
  add(doc.title, 12, 3);
  add([doc.byline, doc.siteName, doc.host].filter(Boolean).join(' '), 6, 2);
  for (const [term, score] of scores) scores.set(term, Math.min(255, score));
  return scores;
}

/** Whether two words are one edit apart (a typo: one letter wrong, missing, extra or swapped). */
export function isOneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const restA = a.slice(i);
  const restB = b.slice(i);
  if (a.length === b.length) {
    return (
      restA.slice(1) === restB.slice(1) ||
      (restA[0] === restB[1] && restA[1] === restB[0] && restA.slice(2) === restB.slice(2))
    );
  }
  return a.length > b.length ? restA.slice(1) === restB : restA === restB.slice(1);
}
