import { describe, expect, it } from 'vitest';
import { placeQuote } from '../../../src/highlights/place-quote';

/** The body's text as the reader counts it: text nodes joined, the source's indentation kept. */
const TEXT =
  '\n  The river rises in the hills and runs south to the sea.\n  ' +
  'Fishermen mend their nets on the shore every morning.\n  ' +
  'Nobody remembers when the bridge was built.\n';

const covered = (quote: string) => {
  const span = placeQuote(TEXT, quote);
  return span && TEXT.slice(span.start, span.end);
};

describe('placing a quote exported by another reader', () => {
  it('finds a quote across two paragraphs written with a blank line between them', () => {
    expect(covered('to the sea.\n\nFishermen mend')).toBe('to the sea.\n  Fishermen mend');
  });

  it('finds a quote within a paragraph, white space at its ends left out', () => {
    expect(covered('  runs south to the sea ')).toBe('runs south to the sea');
  });

  it('finds a quote with a small difference (two letters swapped)', () => {
    expect(covered('Nobody remembers when the bridge was biult.')).toBe('Nobody remembers when the bridge was built.');
  });

  it('places nothing for a quote the text does not have, or an empty one', () => {
    expect(placeQuote(TEXT, 'The old mill burned down in 1902.')).toBeNull();
    expect(placeQuote(TEXT, ' \n ')).toBeNull();
  });

  it('maps back characters outside the Basic Multilingual Plane', () => {
    const text = 'Rain 🌧️  and\n\nwind 🌬️ all night.';
    const span = placeQuote(text, '🌧️ and wind 🌬️');
    expect(span && text.slice(span.start, span.end)).toBe('🌧️  and\n\nwind 🌬️');
  });
});
