/**
 * Omnivore's export files as its export job writes them (omnivore-app/omnivore,
 * packages/api/src/jobs/export.ts and `highlightToMarkdown` in packages/api/src/utils/parser.ts),
 * for building test zips.
 */

/** A HIGHLIGHT: `> quote `, the quote's blank lines written `> `, then labels and note. */
export function omnivoreHighlight(quote: string, options: { note?: string; labels?: string } = {}): string {
  if (!quote) return '';
  const lines = quote.split('\n').map((line, i) => (i > 0 && line === '' ? '> ' : line));
  const labels = options.labels ? `\n\n${options.labels}` : '';
  const note = options.note ? `\n\n${options.note}` : '';
  return `> ${lines.join('\n')} ${labels}${note}`;
}

/** A NOTE (the article's note): its text and a blank line. */
export const omnivoreArticleNote = (note: string) => `${note}\n\n`;

/** `highlights/<slug>.md`: the item's highlights joined by blank lines. */
export const omnivoreHighlightsFile = (entries: string[]) => entries.join('\n\n');
