// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { AlwaysReaderSwitch } from '../../../src/ui/always-reader/AlwaysReaderSwitch';
import { createMockAlwaysReaderApi } from '../../../src/ui/api/mock-always-reader-api';
import { createMockApi } from '../../../src/ui/api/mock-api';
import { AlwaysReaderSection } from '../../../src/ui/options/AlwaysReaderSection';
import { ReaderPage } from '../../../src/ui/reader/ReaderPage';
import { makeArticle } from './article-fixture';
import { renderWithPage } from './render-page';

afterEach(cleanup);

const PAGE = 'https://news.example/story';

describe('the popup’s “Always open in reader on this site” switch', () => {
  it('asks for the site’s access when turned on, and says what it does now', async () => {
    const alwaysReader = createMockAlwaysReaderApi({ host: 'news.example' });
    renderWithPage(<AlwaysReaderSwitch tabId={4} />, createMockApi({ alwaysReader }));
    const input = await screen.findByRole('switch', { name: 'Always open in reader on this site' });
    expect((input as HTMLInputElement).checked).toBe(false);
    expect(screen.getByRole('region', { name: 'Reader on news.example' })).toBeTruthy();
    fireEvent.click(input);
    await screen.findByText('Articles on news.example now open in the reader as they load.');
    expect((input as HTMLInputElement).checked).toBe(true);
    expect(alwaysReader.calls.permissionRequests).toEqual([['https://news.example/*']]);
    expect(alwaysReader.sitesNow).toEqual([{ host: 'news.example', hasAccess: true }]);

    fireEvent.click(input);
    await waitFor(() => expect((input as HTMLInputElement).checked).toBe(false));
    expect(alwaysReader.sitesNow).toEqual([]);
    expect(alwaysReader.calls.permissionRequests).toHaveLength(1);
  });

  it('stays off, saying why, when the access is refused', async () => {
    const alwaysReader = createMockAlwaysReaderApi({ host: 'news.example', grants: false });
    renderWithPage(<AlwaysReaderSwitch tabId={4} />, createMockApi({ alwaysReader }));
    const input = await screen.findByRole('switch', { name: 'Always open in reader on this site' });
    fireEvent.click(input);
    await screen.findByText(/Without access to this site, Tidy Reader cannot open its articles by itself/);
    expect((input as HTMLInputElement).checked).toBe(false);
    expect(alwaysReader.sitesNow).toEqual([]);
  });

  it('shows nothing on a page the browser keeps extensions out of', async () => {
    const alwaysReader = createMockAlwaysReaderApi();
    let asked: Promise<never> | null = null;
    alwaysReader.site = () => (asked = Promise.reject(new Error('restricted')));
    const { container } = renderWithPage(<AlwaysReaderSwitch tabId={4} />, createMockApi({ alwaysReader }));
    await waitFor(() => expect(asked).not.toBeNull());
    await asked!.catch(() => undefined);
    expect(container.querySelector('.always-reader')).toBeNull();
  });
});

describe('the settings page’s list of sites', () => {
  it('lists the chosen sites, says which lack access, and removes one with a labelled button', async () => {
    const alwaysReader = createMockAlwaysReaderApi({
      sites: [
        { host: 'a.example', hasAccess: true },
        { host: 'b.example', hasAccess: false },
      ],
    });
    renderWithPage(<AlwaysReaderSection />, createMockApi({ alwaysReader }));
    expect(await screen.findByRole('heading', { name: 'Always open in reader' })).toBeTruthy();
    await screen.findByText('a.example');
    expect(screen.getAllByText(/No access to this site/)).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Stop opening a.example in the reader' }));
    await waitFor(() => expect(screen.queryByText('a.example')).toBeNull());
    expect(alwaysReader.sitesNow).toEqual([{ host: 'b.example', hasAccess: false }]);
    fireEvent.click(screen.getByRole('button', { name: 'Stop opening b.example in the reader' }));
    await screen.findByText('No site yet.');
  });
});

describe('a reader that took a page’s place in its tab', () => {
  const search = `?page=${encodeURIComponent(PAGE)}`;

  it('shows the article handed over, says why it opened, and goes back to the page with a click or b', async () => {
    const alwaysReader = createMockAlwaysReaderApi({ articles: { [PAGE]: makeArticle({ url: PAGE }) } });
    const api = createMockApi({ alwaysReader });
    renderWithPage(<ReaderPage search={search} />, api);
    await screen.findByRole('heading', { level: 1, name: 'A headline' });
    expect(screen.getByText('Opened in the reader because you chose it for news.example.')).toBeTruthy();
    // Nothing reads a live tab: the page is gone from the tab.
    expect(api.calls.extractTab).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Back to the original page' }));
    expect(alwaysReader.calls.showOriginal).toEqual([PAGE]);
    fireEvent.keyDown(document, { key: 'b' });
    expect(alwaysReader.calls.showOriginal).toEqual([PAGE, PAGE]);
  });

  it('stops it for the site from its note', async () => {
    const alwaysReader = createMockAlwaysReaderApi({
      sites: [{ host: 'news.example', hasAccess: true }],
      articles: { [PAGE]: makeArticle({ url: PAGE }) },
    });
    renderWithPage(<ReaderPage search={search} />, createMockApi({ alwaysReader }));
    fireEvent.click(await screen.findByRole('button', { name: 'Stop on news.example' }));
    await screen.findByText('Articles on news.example no longer open in the reader by themselves.');
    expect(alwaysReader.sitesNow).toEqual([]);
  });

  it('gives the tab back to the page when the article is gone (a restarted browser)', async () => {
    const alwaysReader = createMockAlwaysReaderApi();
    renderWithPage(<ReaderPage search={search} />, createMockApi({ alwaysReader }));
    await waitFor(() => expect(alwaysReader.calls.showOriginal).toEqual([PAGE]));
  });
});
