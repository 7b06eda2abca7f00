// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { describeSpan } from '../../../src/highlights/anchor-text';
import { textOf } from '../../../src/highlights/dom-text';
import type { HighlightRecord } from '../../../src/highlights/types';
import { createMockApi } from '../../../src/ui/api/mock-api';
import { createMockHighlightsApi } from '../../../src/ui/api/mock-highlights-api';
import { createMockLibraryApi } from '../../../src/ui/api/mock-library-api';
import { ReaderPage } from '../../../src/ui/reader/ReaderPage';
import { makeArticle } from './article-fixture';
import { summary } from './library-fixture';
import { renderWithPage } from './render-page';

afterEach(cleanup);

const HTML =
  '<h2>Harbour</h2><p>The ferries would run again.</p><p>Fishermen mended the nets.</p><p>The pier held.</p>';
const TEXT = 'HarbourThe ferries would run again.Fishermen mended the nets.The pier held.';

function record(id: string, from: string, to: string, extra: Partial<HighlightRecord> = {}): HighlightRecord {
  const start = TEXT.indexOf(from);
  return {
    id,
    articleId: 'saved-1',
    color: 'yellow',
    note: '',
    ...describeSpan(TEXT, start, TEXT.indexOf(to) + to.length),
    createdAt: 1,
    updatedAt: 1,
    ...extra,
  };
}

function setup(highlights: HighlightRecord[], search = '?id=saved-1') {
  const library = createMockLibraryApi([
    { article: summary({ id: 'saved-1', title: 'Saved headline', url: 'https://news.example/saved' }), html: HTML },
  ]);
  const store = createMockHighlightsApi(highlights);
  const api = createMockApi({
    library,
    highlights: store,
    extract: () => makeArticle({ html: HTML, url: 'https://news.example/live' }),
  });
  renderWithPage(<ReaderPage search={search} />, api);
  return { api, library, store };
}

/** Selects `from`…`to` in the rendered body, as a reader's drag would. */
function select(from: string, to: string) {
  const body = document.querySelector<HTMLElement>('.article__body')!;
  const text = textOf(body);
  const start = text.indexOf(from);
  const end = text.indexOf(to) + to.length;
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let offset = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = (node as Text).data.length;
    if (start >= offset && start < offset + length) range.setStart(node, start - offset);
    if (end > offset && end <= offset + length) range.setEnd(node, end - offset);
    offset += length;
  }
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(range);
  document.dispatchEvent(new Event('selectionchange'));
}

describe('highlights in the reader', () => {
  it("asks for a saved article's highlights with the article, once, not after its text is on screen", async () => {
    const library = createMockLibraryApi([
      { article: summary({ id: 'saved-1', title: 'Saved headline', url: 'https://news.example/saved' }), html: HTML },
    ]);
    const store = createMockHighlightsApi([record('a', 'ferries', 'again.')]);
    const events: string[] = [];
    const getSavedArticle = library.getSavedArticle.bind(library);
    library.getSavedArticle = async (id) => {
      events.push('article asked');
      const saved = await getSavedArticle(id);
      events.push('article answered');
      return saved;
    };
    const list = store.list.bind(store);
    store.list = (id) => {
      events.push('highlights asked');
      return list(id);
    };
    renderWithPage(<ReaderPage search="?id=saved-1" />, createMockApi({ library, highlights: store }));
    await waitFor(() => expect(document.querySelectorAll('mark.highlight')).toHaveLength(1));
    expect(events).toEqual(['highlights asked', 'article asked', 'article answered']);
  });

  it('draws the saved highlights (as marks where the Highlight API is missing) and lists them in reading order, orphans apart', async () => {
    setup([
      record('b', 'Fishermen', 'nets.', { color: 'green', note: 'Busy harbour' }),
      record('a', 'ferries', 'again.'),
      { ...record('gone', 'pier', 'held'), ...describeSpan('A passage that is not there any more at all.', 2, 30) },
    ]);
    await screen.findByRole('heading', { level: 1, name: 'Saved headline' });
    await waitFor(() => expect(document.querySelectorAll('mark.highlight')).toHaveLength(2));
    expect([...document.querySelectorAll('mark.highlight')].map((m) => m.textContent)).toEqual([
      'ferries would run again.',
      'Fishermen mended the nets.',
    ]);
    // The marks keep the text: read aloud, the contents and copy see the same words.
    expect(textOf(document.querySelector('.article__body')!)).toBe(TEXT);
    // Counted with the orphan: it is still the reader's.
    fireEvent.click(screen.getByRole('button', { name: 'Highlights (3)' }));
    const panel = screen.getByRole('region', { name: 'Highlights' });
    const items = within(panel).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.highlight-item__quote')?.textContent)).toEqual([
      'Yellow: ferries would run again.',
      'Green: Fishermen mended the nets.',
      'passage that is not there an',
    ]);
    expect(within(panel).getByRole('heading', { name: 'Not found in this version of the article' })).toBeTruthy();
    expect(within(panel).getByText('Busy harbour')).toBeTruthy();
  });

  it('highlights a selection across paragraphs from the toolbar, then edits its note and colour', async () => {
    const { store } = setup([]);
    await screen.findByRole('heading', { level: 1, name: 'Saved headline' });
    select('would', 'mended');
    const toolbar = await screen.findByRole('toolbar', { name: 'Highlight the selection' });
    fireEvent.click(within(toolbar).getByRole('button', { name: 'Highlight in Blue' }));
    await waitFor(() => expect(store.records).toHaveLength(1));
    expect(store.records[0]).toMatchObject({
      articleId: 'saved-1',
      color: 'blue',
      quote: { exact: 'would run again.Fishermen mended' },
    });
    await waitFor(() => expect(document.querySelectorAll('mark.highlight--blue')).toHaveLength(2));

    fireEvent.click(document.querySelector('mark.highlight--blue')!);
    const dialog = await screen.findByRole('dialog', { name: 'Highlight' });
    fireEvent.input(within(dialog).getByLabelText('Note'), { target: { value: 'Across two paragraphs' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Pink' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(store.records[0]).toMatchObject({ note: 'Across two paragraphs', color: 'pink' }));
  });

  it('highlights with h and opens the note with n on selected text; n alone does nothing', async () => {
    const { store } = setup([]);
    await screen.findByRole('heading', { level: 1, name: 'Saved headline' });
    fireEvent.keyDown(document, { key: 'n' });
    expect(screen.queryByRole('dialog')).toBeNull();
    select('pier', 'held');
    fireEvent.keyDown(document, { key: 'h' });
    await waitFor(() => expect(store.records.map((r) => r.quote.exact)).toEqual(['pier held']));
    select('Fishermen', 'nets');
    fireEvent.keyDown(document, { key: 'n' });
    await screen.findByRole('dialog', { name: 'Highlight' });
    expect(store.records.map((r) => r.quote.exact)).toEqual(['pier held', 'Fishermen mended the nets']);
  });

  it('deletes a highlight and undoes it', async () => {
    const { store } = setup([record('a', 'ferries', 'again.')]);
    await waitFor(() => expect(document.querySelectorAll('mark.highlight')).toHaveLength(1));
    fireEvent.click(document.querySelector('mark.highlight')!);
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete highlight' }));
    await waitFor(() => expect(document.querySelectorAll('mark.highlight')).toHaveLength(0));
    expect(store.records).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Highlights (0)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(document.querySelectorAll('mark.highlight')).toHaveLength(1));
    expect(store.records.map((r) => r.id)).toEqual(['a']);
  });

  it('saves a live article before its first highlight, and says so', async () => {
    const { library, store } = setup([], '?tabId=7');
    // Saving puts it in the library, as the background does.
    const saveTab = library.saveTab.bind(library);
    library.saveTab = async (tabId, options) => {
      const result = await saveTab(tabId, options);
      library.entries.push({ article: summary({ id: result.id, url: 'https://news.example/live' }) });
      return result;
    };
    await screen.findByRole('heading', { level: 1, name: 'A headline' });
    select('ferries', 'again.');
    const toolbar = await screen.findByRole('toolbar', { name: 'Highlight the selection' });
    fireEvent.click(within(toolbar).getByRole('button', { name: 'Highlight in Yellow' }));
    await waitFor(() => expect(store.records).toHaveLength(1));
    expect(library.calls.saveTab).toEqual([7]);
    expect(store.records[0]!.articleId).toBe('saved-7');
    expect(screen.getByRole('status').textContent).toMatch(/Saved to your library|Highlighted/);
    // The save button knows it is saved now.
    await screen.findByRole('button', { name: /^Saved/ });
  });
});
