/**
 * Anchoring over plain text: describing a span by quote and position, and finding it again in a
 * text that may have changed since. The position is tried first (checked against the quote and its
 * context); then the quote is searched for, exactly and then approximately (`approx-string-match`,
 * Myers' bit-parallel algorithm, the library Hypothesis anchors with), and candidates are ranked by
 * how well the quote, the text before and after it, and the old position agree. A candidate that
 * is not clearly the same passage is refused: an orphaned highlight is better than a misplaced one.
 */
import approxSearch from 'approx-string-match';
import type { HighlightRecord, HighlightSelectors, TextSpan } from './types';

/** How much text before and after the quote is kept to tell repeated phrases apart. */
export const CONTEXT_LENGTH = 32;

export function describeSpan(text: string, start: number, end: number): HighlightSelectors {
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

interface Candidate extends TextSpan {
  errors: number;
}

/**
 * Every place the quote is, as written or in the other Unicode normal form (a page that now
 * writes "é" as one code point instead of "e" and a combining accent holds the same text).
 */
function exactMatches(text: string, quote: string): Candidate[] {
  const found: Candidate[] = [];
  for (const form of new Set([quote, quote.normalize('NFC'), quote.normalize('NFD')])) {
    for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + 1)) {
      found.push({ start: at, end: at + form.length, errors: 0 });
    }
  }
  return found;
}

/** 1 for identical strings, down to 0: one minus the edit distance over the expected length. */
function similarity(actualText: string, expectedText: string): number {
  const actual = actualText.normalize('NFC');
  const expected = expectedText.normalize('NFC');
  if (expected.length === 0) return 1;
  if (actual.length === 0) return 0;
  if (actual === expected) return 1;
  const [best] = approxSearch(actual, expected, expected.length);
  return best ? Math.max(0, 1 - best.errors / expected.length) : 0;
}

/** How well the text around a candidate agrees with the recorded prefix and suffix (0–1). */
function contextScore(text: string, span: TextSpan, prefix: string, suffix: string): number {
  if (!prefix && !suffix) return 1;
  const before = similarity(text.slice(Math.max(0, span.start - prefix.length), span.start), prefix);
  const after = similarity(text.slice(span.end, span.end + suffix.length), suffix);
  if (!prefix) return after;
  if (!suffix) return before;
  return (before + after) / 2;
}

/** Quotes shorter than this are too common to place without their context agreeing. */
const DISTINCT_QUOTE = 12;
/** The least share of the quote that must be unchanged for an approximate match. */
const MIN_QUOTE_SCORE = 0.8;
/** The least agreement of the context for a match that is not exact and unique. */
const MIN_CONTEXT_SCORE = 0.5;

/** The best of `candidates` for `selectors`, if it is clearly the passage. */
function pick(text: string, selectors: HighlightSelectors, candidates: Candidate[]): TextSpan | null {
  const { exact, prefix, suffix } = selectors.quote;
  const { start } = selectors.position;
  const scored = candidates.map((c) => {
    const quoteScore = 1 - c.errors / exact.length;
    const context = contextScore(text, c, prefix, suffix);
    const nearness = text.length > 0 ? 1 - Math.min(1, Math.abs(c.start - start) / text.length) : 1;
    return { ...c, quoteScore, context, score: 50 * quoteScore + 40 * context + 2 * nearness };
  });
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (!best || best.quoteScore < MIN_QUOTE_SCORE) return null;
  const isUniqueExact = best.errors === 0 && candidates.length === 1 && exact.length >= DISTINCT_QUOTE;
  if (!isUniqueExact && best.context < MIN_CONTEXT_SCORE) return null;
  // Two separate places that the quote and context cannot tell apart: an approximate match is not
  // placed by its distance to the old position alone.
  const rival = scored.find((c) => c.start >= best.end || c.end <= best.start);
  if (rival && best.errors > 0 && best.score - rival.score < 1) return null;
  return { start: best.start, end: best.end };
}

/**
 * Where `selectors` point in `text` now, or null when the passage is not clearly there.
 * `position` alone is trusted only when the quote is still there and at least one side of its
 * context is too.
 */
export function anchorSpan(text: string, selectors: HighlightSelectors): TextSpan | null {
  const { exact, prefix, suffix } = selectors.quote;
  if (exact.length === 0) return null;
  const { start, end } = selectors.position;
  if (text.slice(start, end) === exact) {
    const isPrefixKept = prefix === '' || text.slice(Math.max(0, start - prefix.length), start) === prefix;
    const isSuffixKept = suffix === '' || text.slice(end, end + suffix.length) === suffix;
    if (isPrefixKept || isSuffixKept) return { start, end };
  }
  const exactOnes = exactMatches(text, exact);
  const found = pick(text, selectors, exactOnes);
  if (found) return found;
  // Not there as written, or only in other contexts (a repeated phrase): search approximately,
  // with the exact copies blanked out (the search returns only the matches with fewest errors).
  const maxErrors = Math.min(256, Math.floor(exact.length * (1 - MIN_QUOTE_SCORE)));
  if (maxErrors === 0) return null;
  let searched = text;
  for (const c of exactOnes) {
    searched = searched.slice(0, c.start) + '\u0000'.repeat(c.end - c.start) + searched.slice(c.end);
  }
  return pick(text, selectors, approxSearch(searched, exact, maxErrors));
}

export interface AnchoredHighlight<H extends HighlightSelectors = HighlightRecord> {
  highlight: H;
  span: TextSpan;
}

export interface AnchoringResult<H extends HighlightSelectors = HighlightRecord> {
  /** In reading order (by start, then by end). */
  anchored: AnchoredHighlight<H>[];
  /** Those that could not be placed, kept in the order given. */
  orphaned: H[];
}

export function anchorAll<H extends HighlightSelectors>(text: string, highlights: readonly H[]): AnchoringResult<H> {
  const anchored: AnchoredHighlight<H>[] = [];
  const orphaned: H[] = [];
  for (const highlight of highlights) {
    const span = anchorSpan(text, highlight);
    if (span) anchored.push({ highlight, span });
    else orphaned.push(highlight);
  }
  anchored.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { anchored, orphaned };
}

/**
 * Shrinks a span to leave out the white space at its ends (a selection dragged past a paragraph's
 * end); null when nothing but white space is left.
 */
export function trimSpan(text: string, start: number, end: number): TextSpan | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return s < e ? { start: s, end: e } : null;
}
