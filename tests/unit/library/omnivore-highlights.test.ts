import { describe, expect, it } from 'vitest';
import { parseOmnivoreHighlights } from '../../../src/library-io/import/omnivore-highlights';
import { omnivoreArticleNote, omnivoreHighlight, omnivoreHighlightsFile } from './omnivore-export';

describe("reading Omnivore's highlights file", () => {
  it('reads each quote with its note; labels stay in the note, the quote keeps its paragraphs', () => {
    const file = omnivoreHighlightsFile([
      omnivoreHighlight('runs south to the sea', { note: 'Geography!', labels: '#geo #maps' }),
      omnivoreHighlight('to the sea.\n\nFishermen mend their nets'),
      omnivoreHighlight('one line\nand the next', { note: 'First thought.\n\nSecond thought.' }),
    ]);
    expect(parseOmnivoreHighlights(file)).toEqual([
      { quote: 'runs south to the sea', note: '#geo #maps\n\nGeography!' },
      { quote: 'to the sea.\n\nFishermen mend their nets', note: '' },
      { quote: 'one line\nand the next', note: 'First thought.\n\nSecond thought.' },
    ]);
  });

  it("leaves out the article's notes: before the first quote, or after two blank lines", () => {
    const file = omnivoreHighlightsFile([
      omnivoreArticleNote('Read this again in spring.'),
      omnivoreHighlight('the first quote'),
      omnivoreArticleNote('A second article note.'),
      omnivoreHighlight('the second quote', { note: 'its own note' }),
    ]);
    // The second article note follows a highlight by one blank line, like a note would: it is read
    // as that highlight's note (the file cannot tell them apart), never lost.
    expect(parseOmnivoreHighlights(file)).toEqual([
      { quote: 'the first quote', note: 'A second article note.' },
      { quote: 'the second quote', note: 'its own note' },
    ]);
    const noteAfterNote = omnivoreHighlightsFile([
      omnivoreHighlight('a quote', { note: 'its note' }),
      omnivoreArticleNote('first article note'),
      omnivoreArticleNote('second article note'),
    ]);
    expect(parseOmnivoreHighlights(noteAfterNote)).toEqual([
      { quote: 'a quote', note: 'its note\n\nfirst article note' },
    ]);
  });

  it('reads Windows line ends, and skips an empty quote without losing the others', () => {
    const file = omnivoreHighlightsFile(['> ', omnivoreHighlight(''), omnivoreHighlight('kept', { note: 'yes' })]);
    expect(parseOmnivoreHighlights(file.replace(/\n/g, '\r\n'))).toEqual([{ quote: 'kept', note: 'yes' }]);
    expect(parseOmnivoreHighlights('')).toEqual([]);
  });
});
