/** Highlights from a file on the server are the reader's, but the file can be edited: each is checked. */
import { describe, expect, it } from 'vitest';
import { highlightsOf } from '../../../src/background/sync/library-replica';
import { describeSpan } from '../../../src/highlights/anchor-text';
import { firstFile } from './support';

const TEXT = 'Residents of Belgorod are digging shelters.';

function highlight(id: string, articleId: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    articleId,
    color: 'yellow',
    note: '',
    ...describeSpan(TEXT, 13, 21),
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...overrides,
  };
}

describe('highlights of a synced article file', () => {
  it('takes the well-formed highlights of the article and leaves out the rest', async () => {
    const base = await firstFile();
    const good = highlight('h1', base.id);
    const file = {
      ...base,
      annotations: [
        { id: 'h1', at: base.title.at, record: good },
        // Another article's: a file cannot add highlights to articles it is not.
        { id: 'h2', at: base.title.at, record: highlight('h2', 'someone-else') },
        { id: 'h3', at: base.title.at, record: highlight('h3', base.id, { color: 'url(javascript:1)' }) },
        { id: 'h4', at: base.title.at, record: highlight('h4', base.id, { position: { type: 'x' } }) },
        // Deleted.
        { id: 'h5', at: base.title.at, record: null },
      ],
    };
    expect(highlightsOf(file)).toEqual([good]);
  });
});
