// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { describeSpan } from '../../../src/highlights/anchor-text';
import type { HighlightRecord } from '../../../src/highlights/types';
import { createMockApi } from '../../../src/ui/api/mock-api';
import { createMockHighlightsApi } from '../../../src/ui/api/mock-highlights-api';
import { createMockLibraryApi } from '../../../src/ui/api/mock-library-api';
import { HighlightsView, LibraryViews } from '../../../src/ui/library/HighlightsView';
import { Library } from '../../../src/ui/library/Library';
import { summary } from './library-fixture';
import { renderWithPage } from './render-page';

afterEach(cleanup);

const TEXT = 'Residents are digging shelters while the ferries wait.';

function highlight(id: string, articleId: string, phrase: string, createdAt: number, note = ''): HighlightRecord {
  const at = TEXT.indexOf(phrase);
  return {
    id,
    articleId,
    color: 'green',
    note,
    ...describeSpan(TEXT, at, at + phrase.length),
    createdAt,
    updatedAt: createdAt,
  };
}

function api(records: HighlightRecord[]) {
  const library = createMockLibraryApi([
    {
      article: summary({
        id: 'a',
        title: 'Border regions',
        highlightCount: records.filter((r) => r.articleId === 'a').length,
      }),
    },
    {
      article: summary({
        id: 'b',
        title: 'Harbour archive',
        highlightCount: records.filter((r) => r.articleId === 'b').length,
      }),
    },
  ]);
  return createMockApi({ library, highlights: createMockHighlightsApi(records) });
}

describe('highlights in the library', () => {
  it('shows how many highlights each article has', async () => {
    renderWithPage(
      <Library />,
      api([highlight('1', 'a', 'digging', 1), highlight('2', 'a', 'shelters', 2), highlight('3', 'b', 'ferries', 3)]),
    );
    await waitFor(() => expect(document.querySelectorAll('.entry__highlights')).toHaveLength(2));
    const counts = Object.fromEntries(
      [...document.querySelectorAll('.entry')].map((e) => [
        e.getAttribute('data-id'),
        e.querySelector('.entry__highlights')?.textContent,
      ]),
    );
    expect(counts).toEqual({ a: '2 highlights', b: '1 highlight' });
  });

  it('lists every highlight newest first with its note, each linking to its place in the article', async () => {
    renderWithPage(
      <>
        <LibraryViews current="highlights" />
        <HighlightsView />
      </>,
      api([highlight('1', 'a', 'digging shelters', 1, 'Underground'), highlight('2', 'b', 'ferries wait', 2)]),
    );
    await waitFor(() => expect(document.querySelectorAll('.highlight-entries li')).toHaveLength(2));
    const items = [...document.querySelectorAll('.highlight-entries li')];
    expect(items.map((li) => li.querySelector('blockquote')?.textContent)).toEqual([
      'Green: ferries wait',
      'Green: digging shelters',
    ]);
    expect(items[1]!.querySelector('.highlight-item__note')?.textContent).toBe('Underground');
    expect(items[1]!.querySelector('a')?.getAttribute('href')).toBe('reader.html?id=a#highlight=1');
    expect(screen.getByRole('link', { name: 'Highlights' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('link', { name: 'Saved articles' }).getAttribute('href')).toBe('library.html');
  });
});
