/**
 * Placing a highlight that another reader exported by its quoted text alone (Omnivore, Pocket) in
 * the body's text. Their text of the same article differs from ours in white space: a paragraph
 * break is a blank line in their quote, and nothing or the source's indentation between our
 * blocks. So both are compared with every run of white space made one space, by the same
 * anchoring as our own highlights, and the match is mapped back to the text as it is.
 */
import { anchorSpan, trimSpan } from './anchor-text';
import type { TextSpan } from './types';

interface CollapsedText {
  text: string;
  /** For each character of `text`, where it starts and ends in the original. */
  starts: number[];
  ends: number[];
}

function collapseSpace(original: string): CollapsedText {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < original.length;) {
    let next = i + 1;
    if (/\s/u.test(original[i]!)) {
      while (next < original.length && /\s/u.test(original[next]!)) next++;
      text += ' ';
    } else {
      text += original[i];
    }
    starts.push(i);
    ends.push(next);
    i = next;
  }
  return { text, starts, ends };
}

/** Where `quote` is in `text`, white space aside; null when it is not clearly there. */
export function placeQuote(text: string, quote: string): TextSpan | null {
  const exact = quote.replace(/\s+/gu, ' ').trim();
  if (exact === '') return null;
  const body = collapseSpace(text);
  const span = anchorSpan(body.text, {
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: 0 },
  });
  if (!span) return null;
  return trimSpan(text, body.starts[span.start]!, body.ends[span.end - 1]!);
}
