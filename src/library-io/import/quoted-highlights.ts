/**
 * The records for the highlights another service exported by their text (`QuotedHighlight`), once
 * the entry is stored: placed where the body has the quote, else kept by the quote alone, with no
 * context and offsets 0–0 (the reader lists it as not found in the text until the text has it; a
 * link's text is fetched later). Importing the same file again adds none twice: a quote that the
 * article already has highlighted is left as it is there, with any change made since.
 */
import type { HighlightRecord, HighlightSelectors } from '../../highlights/types';
import type { QuotedHighlight } from './types';

const passageOf = (quote: string) => quote.replace(/\s+/gu, ' ').trim();

function unplaced(quote: string): HighlightSelectors {
  return {
    quote: { type: 'TextQuoteSelector', exact: quote.trim(), prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: 0 },
  };
}

export interface QuotedEntry {
  articleId: string;
  quoted: readonly QuotedHighlight[];
  /** Where each quote is in the stored body (same order), null where it is not; [] without a body. */
  placed: readonly (HighlightSelectors | null)[];
}

export function recordsOfQuoted(
  entry: QuotedEntry,
  existing: readonly HighlightRecord[],
  options: { newId: () => string; now: number },
): HighlightRecord[] {
  // How many times each passage is highlighted already: one highlighted twice stays twice.
  const already = new Map<string, number>();
  for (const h of existing) already.set(passageOf(h.quote.exact), (already.get(passageOf(h.quote.exact)) ?? 0) + 1);
  const records: HighlightRecord[] = [];
  entry.quoted.forEach((quoted, i) => {
    const selectors = entry.placed[i] ?? unplaced(quoted.quote);
    const passage = passageOf(selectors.quote.exact);
    const seen = already.get(passage) ?? 0;
    if (seen > 0) {
      already.set(passage, seen - 1);
      return;
    }
    const createdAt = quoted.createdAt ?? options.now;
    records.push({
      id: options.newId(),
      articleId: entry.articleId,
      color: 'yellow',
      note: quoted.note,
      createdAt,
      updatedAt: createdAt,
      ...selectors,
    });
  });
  return records;
}
