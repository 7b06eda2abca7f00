// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExtractResult } from '../../../src/extract/types';
import { createMockApi, type MockApiOptions } from '../../../src/ui/api/mock-api';
import { Popup } from '../../../src/ui/popup/Popup';
import { ApiContext } from '../../../src/ui/stores/context';

const article: ExtractResult = {
  isArticle: true,
  url: 'https://example.com/a',
  title: 'A headline',
  byline: 'Jane Doe',
  siteName: 'Example Times',
  publishedTime: null,
  lang: 'en',
  dir: 'ltr',
  excerpt: 'A short summary.',
  leadImage: null,
  html: '<p>Body</p>',
  text: 'Body',
  wordCount: 1,
  readingMinutes: 4,
  removed: { comments: 0, promos: 0, newsletters: 0, related: 0, share: 0, ads: 0, other: 0 },
};

function renderPopup(options: MockApiOptions) {
  const api = createMockApi(options);
  render(
    <ApiContext.Provider value={api}>
      <Popup />
    </ApiContext.Provider>,
  );
  return api;
}

afterEach(cleanup);

describe('Popup', () => {
  it('shows a loading state, then the article’s title, byline, site and reading time', async () => {
    const api = renderPopup({ tabId: 7, extract: () => article });
    expect(screen.getByRole('status').textContent).toBe('Reading this page…');
    expect(await screen.findByRole('heading', { name: 'A headline' })).toBeTruthy();
    expect(screen.getByText('Jane Doe')).toBeTruthy();
    expect(screen.getByText('Example Times')).toBeTruthy();
    expect(screen.getByText('4 min read')).toBeTruthy();
    expect(api.calls.extractTab).toEqual([{ tabId: 7, force: false }]);
  });

  it('says when there is no article, and "Try anyway" extracts with force', async () => {
    const api = renderPopup({
      extract: ({ force }) => (force ? article : { ...article, isArticle: false, reason: 'Looks like a front page.' }),
    });
    expect(await screen.findByRole('heading', { name: 'No article found on this page' })).toBeTruthy();
    expect(screen.getByText('Looks like a front page.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try anyway' }));
    expect(await screen.findByRole('heading', { name: 'A headline' })).toBeTruthy();
    expect(api.calls.extractTab.map((c) => c.force)).toEqual([false, true]);
  });

  it('explains restricted pages without offering a retry', async () => {
    renderPopup({ extract: () => ({ code: 'restricted', message: 'Browser pages cannot be read by extensions.' }) });
    expect(await screen.findByRole('heading', { name: 'Tidy Reader can’t read this page' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Browser pages cannot be read');
    expect(screen.queryByRole('button')).toBeNull();
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
