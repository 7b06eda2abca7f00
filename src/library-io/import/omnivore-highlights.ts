/**
 * The highlights of an Omnivore export: `highlights/<slug>.md` beside `content/<slug>.html`,
 * written by Omnivore's `highlightToMarkdown` (packages/api/src/utils/parser.ts) and joined with
 * blank lines. A highlight is `> quote`, its labels (`#label`) and its note each after a blank line;
 * the quote's own blank lines are written `> ` so that it stays one block. An article note (type
 * NOTE) is its bare text followed by two blank lines. The file has no colours, dates or offsets.
 *
 * Read back: a block that opens with `>` is a quote; text after it, up to the next quote or two
 * blank lines, is its note (labels included, the library has no labels on highlights); other text
 * is an article note, which the library has no place for and leaves out. An article note written
 * right after a highlight cannot be told from that highlight's note: it joins it.
 */

export interface OmnivoreHighlight {
  quote: string;
  note: string;
}

interface Reading {
  quote: string[];
  note: string[];
}

function finish(reading: Reading): OmnivoreHighlight | null {
  const quote = reading.quote.join('\n').trim();
  return quote ? { quote, note: reading.note.join('\n').trim() } : null;
}

export function parseOmnivoreHighlights(markdown: string): OmnivoreHighlight[] {
  const found: OmnivoreHighlight[] = [];
  let current: Reading | null = null;
  let isInQuote = false;
  let blankLines = 0;
  const close = () => {
    const done = current && finish(current);
    if (done) found.push(done);
    current = null;
  };
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') {
      blankLines++;
      isInQuote = false;
      continue;
    }
    if (isInQuote) {
      // `> ` stands for a blank line of the quote; a line without it is the quote's own line break.
      current!.quote.push(line.replace(/^> ?/, ''));
    } else if (line.startsWith('>')) {
      close();
      current = { quote: [line.replace(/^> ?/, '')], note: [] };
      isInQuote = true;
    } else {
      if (blankLines >= 2) close();
      const reading: Reading | null = current;
      if (reading) {
        if (blankLines > 0 && reading.note.length > 0) reading.note.push('');
        reading.note.push(line);
      }
    }
    blankLines = 0;
  }
  close();
  return found;
}
