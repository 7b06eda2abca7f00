// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExtractResult } from '../../../src/extract/types';
import { createMockApi, type MockApiOptions } from '../../../src/ui/api/mock-api';
import { Popup } from '../../../src/ui/popup/Popup';
import { renderWithPage } from './render-page';

const article: ExtractResult = {
  isArticle: true,
  pageType: 'article',
  url: 'https://example.com/a',
  title: 'A headline',
  byline: 'Jane Doe',
  siteName: 'Example Times',
  publishedTime: '2024-03-02T10:00:00Z',
  lang: 'en',
  dir: 'ltr',
  excerpt: 'A short summary.',
  leadImage: null,
  html: '<p>The body paragraph.</p>',
  text: 'Body',
  wordCount: 1,
  readingMinutes: 4,
  removed: { comments: 0, promos: 0, newsletters: 0, related: 0, share: 0, ads: 0, other: 0 },
};

function renderPopup(options: MockApiOptions) {
  const api = createMockApi(options);
  renderWithPage(<Popup />, api);
  return api;
}

afterEach(cleanup);

describe('Popup', () => {
  it('shows a loading state, then the article itself: title, byline, site, date, reading time and body', async () => {
    const api = renderPopup({ tabId: 7, extract: () => article });
    expect(await screen.findByText('Reading this page…')).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 1, name: 'A headline' })).toBeTruthy();
    expect(screen.getByText('Jane Doe')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Example Times' }).getAttribute('href')).toBe('https://example.com/a');
    expect(screen.getByText('4 min read')).toBeTruthy();
    expect(screen.getByText('March 2, 2024')).toBeTruthy();
    expect(screen.getByText('The body paragraph.')).toBeTruthy();
    expect(api.calls.extractTab).toEqual([{ tabId: 7, force: false }]);
  });

  it('labels a thread with its number of posts and a list with its number of items', async () => {
    const thread = {
      ...article,
      pageType: 'discussion' as const,
      html: '<article><header><strong>ada</strong></header><p>First post.</p></article><article><p>Reply.</p></article>',
    };
    renderPopup({ extract: () => thread });
    expect(await screen.findByText('Discussion · 2 posts')).toBeTruthy();
    expect(screen.getByText('First post.').closest('article.article--discussion')).toBeTruthy();
    cleanup();
    const list = {
      ...article,
      pageType: 'list' as const,
      html: '<ul><li><h3><a href="/a">One</a></h3><p>Teaser.</p></li><li><h3><a href="/b">Two</a></h3></li><li><h3><a href="/c">Three</a></h3></li></ul>',
    };
    renderPopup({ extract: () => list });
    expect(await screen.findByText('List · 3 items')).toBeTruthy();
    cleanup();
    renderPopup({ extract: () => article });
    await screen.findByRole('heading', { level: 1, name: 'A headline' });
    expect(screen.queryByText(/Discussion|List ·|Product page/)).toBeNull();
  });

  it('opens the side panel and the reader for the tab it read, then closes', async () => {
    const api = renderPopup({ tabId: 7, extract: () => article });
    await screen.findByRole('heading', { level: 1, name: 'A headline' });
    fireEvent.click(screen.getByRole('button', { name: 'Side panel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Open reader' }));
    fireEvent.click(screen.getByRole('button', { name: 'Library' }));
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    await Promise.resolve();
    expect(api.surfaceCalls.openSidePanel).toEqual([7]);
    expect(api.surfaceCalls.openReader).toEqual([7]);
    expect(api.surfaceCalls.openLibrary).toBe(1);
    expect(api.surfaceCalls.openSettings).toBe(1);
    await vi.waitFor(() => expect(api.surfaceCalls.closePopup).toBe(2));
  });

  it('keeps the article actions disabled until there is a tab to act on', async () => {
    renderPopup({ tabId: null, extract: () => article });
    await screen.findByText('There is no page to read in this window.');
    expect(screen.getByRole('button', { name: 'Side panel' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Open reader' }).hasAttribute('disabled')).toBe(true);
  });

  it('says when there is no article, and "Show anyway" extracts with force', async () => {
    const api = renderPopup({
      extract: ({ force }) => (force ? article : { ...article, isArticle: false, reason: 'sign-in' }),
    });
    expect(await screen.findByRole('heading', { name: 'Nothing to read on this page' })).toBeTruthy();
    expect(screen.getByText('This page asks you to sign in before it shows anything to read.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show anyway' }));
    expect(await screen.findByRole('heading', { name: 'A headline' })).toBeTruthy();
    expect(api.calls.extractTab.map((c) => c.force)).toEqual([false, true]);
  });

  it('explains restricted pages without offering a retry', async () => {
    renderPopup({
      extract: () => ({
        code: 'restricted',
        message: 'Browser pages cannot be read by extensions.',
        reason: 'browser-page',
      }),
    });
    expect(await screen.findByRole('heading', { name: 'Tidy Reader can’t read this page' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Browser pages cannot be read');
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('offers a retry after other failures', async () => {
    let attempts = 0;
    renderPopup({ extract: () => (++attempts === 1 ? { code: 'failed', message: 'Boom' } : article) });
    fireEvent.click(await screen.findByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'A headline' })).toBeTruthy();
  });

  it('has nothing to read without a tab', async () => {
    renderPopup({ tabId: null, extract: () => article });
    expect(await screen.findByText('There is no page to read in this window.')).toBeTruthy();
  });
});

describe('action bar', () => {
  it('moves between its buttons with the arrow keys, Home and End, skipping disabled ones', async () => {
    renderPopup({ tabId: 7, extract: () => article });
    await screen.findByRole('heading', { level: 1, name: 'A headline' });
    const bar = screen.getByRole('toolbar', { name: 'Article actions' });
    const button = (name: string) => screen.getByRole('button', { name });
    button('Side panel').focus();
    fireEvent.keyDown(bar, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(button('Open reader'));
    fireEvent.keyDown(bar, { key: 'End' });
    expect(document.activeElement).toBe(button('Settings'));
    fireEvent.keyDown(bar, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(button('Side panel'));
    fireEvent.keyDown(bar, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(button('Settings'));
    fireEvent.keyDown(bar, { key: 'Home' });
    expect(document.activeElement).toBe(button('Side panel'));
  });

  it('asks the background about the page only once the tab has been read, so that waking it does not slow the article', async () => {
    const api = createMockApi({ tabId: 7 });
    const asked: string[] = [];
    const counted = <T extends object>(name: string, target: T): T =>
      new Proxy(target, {
        get(object, key, receiver) {
          const value = Reflect.get(object, key, receiver) as unknown;
          if (typeof value !== 'function') return value;
          return (...args: unknown[]) => {
            asked.push(`${name}.${String(key)}`);
            return (value as (...a: unknown[]) => unknown).apply(object, args);
          };
        },
      });
    api.clutter = counted('clutter', api.clutter);
    api.alwaysReader = counted('alwaysReader', api.alwaysReader);
    let finish: (value: ExtractResult) => void = () => undefined;
    api.extractTab = () => new Promise<ExtractResult>((resolve) => (finish = resolve));
    renderWithPage(<Popup />, api);
    expect(await screen.findByText('Reading this page…')).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(asked).toEqual([]);
    finish(article);
    await screen.findByRole('heading', { level: 1, name: 'A headline' });
    await vi.waitFor(() => expect(asked.some((call) => call.startsWith('clutter.'))).toBe(true));
    expect(asked).toContain('alwaysReader.site');
  });
});
