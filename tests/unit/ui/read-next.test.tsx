// @vitest-environment jsdom
/**
 * "Read next" at the end of a saved article in the reader: the next unread article of the library
 * list the reader came from, Shift+N to open it, and read aloud carried into it.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createMockApi } from '../../../src/ui/api/mock-api';
import { createMockLibraryApi } from '../../../src/ui/api/mock-library-api';
import type { ArticleSummary } from '../../../src/ui/api/library-api';
import { ReaderPage } from '../../../src/ui/reader/ReaderPage';
import { handOverReadAloud, takeReadAloudHandover } from '../../../src/ui/reader/read-aloud-handover';
import { makeArticle } from './article-fixture';
import { summary } from './library-fixture';
import { createFakeSpeech, VOICES } from './fake-speech';
import { renderWithPage } from './render-page';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

const HOUR = 3_600_000;

/** Newest first: first, second, third. */
function library(overrides: Record<string, Partial<ArticleSummary>> = {}) {
  const entry = (id: string, title: string, age: number, more: Partial<ArticleSummary> = {}) => ({
    article: summary({ id, title, savedAt: Date.UTC(2024, 0, 1) - age * HOUR, ...more, ...overrides[id] }),
    html: `<p>${title}: the first sentence. The second.</p><p>The last paragraph.</p>`,
    text: `${title}: the first sentence. The second.\n\nThe last paragraph.`,
  });
  return createMockLibraryApi([
    entry('first', 'First story', 0),
    entry('second', 'Second story', 1, { siteName: 'The Example', readingMinutes: 7 }),
    entry('third', 'Third story', 2, { isFavorite: true, readingMinutes: 1 }),
  ]);
}

async function openReader(search: string, overrides: Record<string, Partial<ArticleSummary>> = {}) {
  const lib = library(overrides);
  const api = createMockApi({ library: lib });
  const speech = createFakeSpeech(VOICES);
  renderWithPage(<ReaderPage search={search} />, api, speech.engine);
  await screen.findByRole('heading', { level: 1 });
  return { api, library: lib, speech };
}

describe('read next', () => {
  it('ends the article with the next unread one of the reading list, as a labelled link', async () => {
    const { library } = await openReader('?id=first');
    const block = await screen.findByRole('region', { name: 'Read next' });
    const link = within(block).getByRole('link', { name: 'Second story' });
    expect(link.getAttribute('href')).toBe('reader.html?id=second');
    expect(link.getAttribute('aria-describedby')).toBe('read-next-details');
    expect(document.getElementById('read-next-details')?.textContent).toBe('The Example7 min read');
    // After the article's text, outside the body that read aloud and the saved position count in.
    const body = document.querySelector('.article__body')!;
    expect(body.compareDocumentPosition(block) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(body.contains(block)).toBe(false);
    expect(library.calls.findNext).toEqual([
      { after: 'first', queue: { view: 'all', sort: 'newest', tag: null, site: null } },
    ]);
  });

  it('follows the view and order the library was showing, and keeps them in the link', async () => {
    await openReader('?id=first&view=favorites');
    const block = await screen.findByRole('region', { name: 'Read next' });
    const link = within(block).getByRole('link', { name: 'Third story' });
    expect(link.getAttribute('href')).toBe('reader.html?id=third&view=favorites');

    cleanup();
    await openReader('?id=second&sort=oldest', { first: { isRead: true } });
    // Oldest first: third, second, first (read) → round to third.
    const next = await screen.findByRole('region', { name: 'Read next' });
    expect(within(next).getByRole('link').textContent).toBe('Third story');
  });

  it('says so when everything else is read or archived, with a link back to the library', async () => {
    await openReader('?id=first', { second: { isRead: true }, third: { isArchived: true } });
    const block = await screen.findByRole('region', { name: 'Read next' });
    expect(block.textContent).toContain('You’re all caught up.');
    expect(within(block).getByRole('link', { name: 'Back to the library' }).getAttribute('href')).toBe('library.html');
  });

  it('opens the next article with Shift+N, announced, and lists the key in the shortcuts', async () => {
    const { api } = await openReader('?id=first');
    await screen.findByRole('region', { name: 'Read next' });
    fireEvent.keyDown(document, { key: 'n' });
    expect(api.surfaceCalls.goTo).toEqual([]);
    fireEvent.keyDown(document, { key: 'N', shiftKey: true });
    expect(api.surfaceCalls.goTo).toEqual(['reader.html?id=second']);
    expect(screen.getByRole('status').textContent).toBe('Opening: Second story');

    fireEvent.keyDown(document, { key: '?' });
    const row = [...document.querySelectorAll('.shortcuts__row')].find((r) => r.textContent?.includes('Next unread'));
    expect([...row!.querySelectorAll('kbd')].map((k) => k.textContent)).toEqual(['Shift', 'N']);
  });

  it('announces that all is read when Shift+N finds nothing left', async () => {
    const { api } = await openReader('?id=first', { second: { isRead: true }, third: { isRead: true } });
    await screen.findByText('You’re all caught up.', { exact: false });
    fireEvent.keyDown(document, { key: 'N', shiftKey: true });
    expect(screen.getByRole('status').textContent).toBe('You’re all caught up.');
    expect(api.surfaceCalls.goTo).toEqual([]);
  });

  it('has no queue for a live tab: no block, no lookup, no Shift+N', async () => {
    const lib = createMockLibraryApi([]);
    const api = createMockApi({ library: lib, extract: () => makeArticle() });
    renderWithPage(<ReaderPage search="?tabId=5" />, api);
    await screen.findByRole('heading', { level: 1 });
    fireEvent.keyDown(document, { key: 'N', shiftKey: true });
    expect(screen.queryByRole('region', { name: 'Read next' })).toBeNull();
    expect(lib.calls.findNext).toEqual([]);
    expect(api.surfaceCalls.goTo).toEqual([]);
  });
});

describe('read aloud into the next article', () => {
  it('opens the next article to go on reading once read aloud has read this one to its end', async () => {
    const { api, speech } = await openReader('?id=first&view=unread');
    await screen.findByRole('region', { name: 'Read next' });
    fireEvent.click(screen.getByRole('button', { name: 'Read aloud' }));
    expect(await screen.findByText('Read aloud goes on with this article.')).toBeTruthy();
    for (let i = 0; i < 3; i++) speech.finishCurrent();
    await waitFor(() =>
      expect(api.surfaceCalls.goTo).toEqual(['reader.html?id=second&view=unread&continue=read-aloud']),
    );
    expect(takeReadAloudHandover('second')).toBe(true);
  });

  it('does not move on when read aloud was stopped before the end', async () => {
    const { api, speech } = await openReader('?id=first');
    await screen.findByRole('region', { name: 'Read next' });
    fireEvent.click(screen.getByRole('button', { name: 'Read aloud' }));
    speech.finishCurrent();
    fireEvent.click(screen.getByRole('button', { name: 'Stop reading aloud' }));
    await new Promise((r) => setTimeout(r, 20));
    expect(api.surfaceCalls.goTo).toEqual([]);
  });

  it('starts speaking in the article it was handed over to', async () => {
    handOverReadAloud('second');
    const { speech } = await openReader('?id=second&continue=read-aloud');
    await waitFor(() => expect(speech.current()?.text).toBe('Second story: the first sentence.'));
    expect(speech.spoken).toHaveLength(1);
    // Used up: a reload or the same address again starts nothing.
    expect(takeReadAloudHandover('second')).toBe(false);
  });

  it('never starts on its own from the address alone, or for another article', async () => {
    const { speech } = await openReader('?id=second&continue=read-aloud');
    await screen.findByRole('region', { name: 'Read next' });
    expect(speech.spoken).toEqual([]);

    cleanup();
    handOverReadAloud('third');
    const other = await openReader('?id=second&continue=read-aloud');
    await screen.findByRole('region', { name: 'Read next' });
    expect(other.speech.spoken).toEqual([]);
  });
});
