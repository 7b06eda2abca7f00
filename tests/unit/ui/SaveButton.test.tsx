// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SaveButton } from '../../../src/ui/actions/SaveButton';
import { createMockAlwaysReaderApi, type MockAlwaysReaderOptions } from '../../../src/ui/api/mock-always-reader-api';
import { createMockApi } from '../../../src/ui/api/mock-api';
import {
  createMockLibraryApi,
  type MockLibraryEntry,
  type MockLibraryOptions,
} from '../../../src/ui/api/mock-library-api';
import { Popup } from '../../../src/ui/popup/Popup';
import { ReaderPage } from '../../../src/ui/reader/ReaderPage';
import { SidePanel } from '../../../src/ui/sidepanel/SidePanel';
import { makeArticle } from './article-fixture';
import { summary } from './library-fixture';
import { renderWithPage } from './render-page';

afterEach(cleanup);

const ARTICLE = makeArticle({
  url: 'https://example.com/a',
  html: '<p>Body.</p><img src="https://cdn.example/one.jpg" alt="One">',
});

async function renderPopup(options: MockLibraryOptions = {}, entries: MockLibraryEntry[] = []) {
  const library = createMockLibraryApi(entries, options);
  const api = createMockApi({ tabId: 7, extract: () => ARTICLE, library });
  renderWithPage(<Popup />, api);
  await screen.findByRole('heading', { level: 1, name: 'A headline' });
  return { api, library };
}

async function saveButton() {
  const button = await screen.findByRole('button', { name: 'Save for offline' });
  await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false));
  return button;
}

describe('Save for offline', () => {
  it('saves the tab and becomes "Saved", which opens the saved copy and closes the popup', async () => {
    const { api, library } = await renderPopup({ save: () => ({ id: 'new-1' }) });
    fireEvent.click(await saveButton());
    expect(await screen.findByText('Saved to your library: A headline')).toBeTruthy();
    expect(library.calls.saveTab).toEqual([7]);
    const saved = screen.getByRole('button', { name: 'Saved: open the saved copy' });
    expect(saved.textContent).toBe('Saved');
    fireEvent.click(saved);
    await waitFor(() => expect(api.surfaceCalls.closePopup).toBe(1));
    expect(library.calls.opened).toEqual(['new-1']);
  });

  it('knows when the page is saved already', async () => {
    const { library } = await renderPopup({}, [{ article: summary({ id: 'old-1', url: 'https://example.com/a' }) }]);
    fireEvent.click(await screen.findByRole('button', { name: 'Saved: open the saved copy' }));
    await waitFor(() => expect(library.calls.opened).toEqual(['old-1']));
    expect(library.calls.saveTab).toEqual([]);
  });

  it('explains why images need access, and asks for it first thing in the click', async () => {
    const { library } = await renderPopup({
      imageAccess: 'ask',
      save: (_tabId, access) => ({ id: 's1', imagesKept: access === 'granted' ? null : 'no-access' }),
    });
    fireEvent.click(await saveButton());
    const dialog = await screen.findByRole('dialog', { name: 'Keep the pictures too?' });
    expect(dialog.textContent).toContain('sends nothing anywhere');
    expect(library.calls.accessRequests).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Allow and save' }));
    // Synchronously, before anything was awaited: the browser's prompt needs the click's gesture.
    expect(library.calls.accessRequests).toBe(1);
    // The save ran beside the prompt; once access came, the missing images were downloaded.
    expect(library.calls.saveTab).toEqual([7]);
    await waitFor(() => expect(library.calls.fetchMissing).toEqual([['s1']]));
    expect(await screen.findByText('Saved to your library: A headline')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('saves the text with remote image links when access is refused, and says so', async () => {
    const { library } = await renderPopup({
      imageAccess: 'ask',
      grantsAccess: false,
      save: () => ({ id: 's1', imagesKept: 'no-access', images: { total: 1, stored: 0 } }),
    });
    fireEvent.click(await saveButton());
    fireEvent.click(await screen.findByRole('button', { name: 'Allow and save' }));
    expect(await screen.findByText(/Saved without its pictures: they stay links/)).toBeTruthy();
    expect(library.calls.fetchMissing).toEqual([]);
    // Declined is remembered: the next save does not ask again.
    expect(await library.imageAccess()).toBe('declined');
  });

  it('saves without pictures when the user chooses so, without asking the browser', async () => {
    const { library } = await renderPopup({ imageAccess: 'ask', save: () => ({ imagesKept: 'no-access' }) });
    fireEvent.click(await saveButton());
    fireEvent.click(await screen.findByRole('button', { name: 'Save without pictures' }));
    expect(await screen.findByText(/Saved without its pictures/)).toBeTruthy();
    expect(library.calls.accessRequests).toBe(0);
    expect(await library.imageAccess()).toBe('declined');
  });

  it('does not ask when the article’s image sites are reachable already', async () => {
    const { library } = await renderPopup({ imageAccess: 'granted' });
    fireEvent.click(await saveButton());
    await screen.findByText('Saved to your library: A headline');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(library.calls.accessRequests).toBe(0);
  });

  it('shows a full disk clearly, and the button can save again', async () => {
    const quota =
      'There is not enough storage space to save this. Nothing already in your library was lost; free some disk space or delete saved articles, then try again.';
    let fails = true;
    const { library } = await renderPopup({
      save: () => (fails ? { code: 'quota', message: quota } : { id: 'ok' }),
    });
    fireEvent.click(await saveButton());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(`Could not save: ${quota}`);
    fails = false;
    fireEvent.click(await saveButton());
    await screen.findByRole('button', { name: 'Saved: open the saved copy' });
    expect(library.calls.saveTab).toEqual([7, 7]);
  });

  it('is in the side panel too, as an icon button named for what it does', async () => {
    const library = createMockLibraryApi([], { save: () => ({ id: 'p1' }) });
    const api = createMockApi({ tabId: 3, extract: () => ARTICLE, library });
    renderWithPage(<SidePanel search="?tabId=3" />, api);
    const button = await saveButton();
    expect(button.getAttribute('aria-label')).toBe('Save for offline');
    fireEvent.click(button);
    await screen.findByRole('button', { name: 'Saved: open the saved copy' });
    expect(library.calls.saveTab).toEqual([3]);
  });
});

describe('Save for offline in a reader that took a page’s place in its tab', () => {
  const PAGE = 'https://news.example/story';
  const KEPT = makeArticle({ url: PAGE, html: '<p>Body.</p><img src="https://cdn.example/one.jpg" alt="One">' });

  async function renderReplacingReader(
    libraryOptions: MockLibraryOptions = {},
    save?: MockAlwaysReaderOptions['save'],
  ) {
    const library = createMockLibraryApi([], libraryOptions);
    const alwaysReader = createMockAlwaysReaderApi({ articles: { [PAGE]: KEPT }, save });
    const api = createMockApi({ tabId: null, library, alwaysReader });
    renderWithPage(<ReaderPage search={`?page=${encodeURIComponent(PAGE)}`} />, api);
    await screen.findByRole('heading', { level: 1, name: 'A headline' });
    return { library, alwaysReader };
  }

  it('saves the article kept for the page, with no live tab, and becomes "Saved"', async () => {
    const { library, alwaysReader } = await renderReplacingReader({}, () => ({ id: 'kept-1' }));
    fireEvent.click(await saveButton());
    expect(await screen.findByText('Saved to your library: A headline')).toBeTruthy();
    expect(alwaysReader.calls.save).toEqual([PAGE]);
    expect(library.calls.saveTab).toEqual([]);
    const saved = screen.getByRole('button', { name: 'Saved: open the saved copy' });
    expect(saved.textContent).toBe('Saved');
    fireEvent.click(saved);
    await waitFor(() => expect(library.calls.opened).toEqual(['kept-1']));
  });

  it('offers image access first there too, asking in the click, then fetches the pictures', async () => {
    const { library, alwaysReader } = await renderReplacingReader({ imageAccess: 'ask' }, () => ({
      id: 'kept-1',
      imagesKept: 'no-access',
    }));
    fireEvent.click(await saveButton());
    await screen.findByRole('dialog', { name: 'Keep the pictures too?' });
    expect(alwaysReader.calls.save).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Allow and save' }));
    expect(library.calls.accessRequests).toBe(1);
    expect(alwaysReader.calls.save).toEqual([PAGE]);
    await waitFor(() => expect(library.calls.fetchMissing).toEqual([['kept-1']]));
    expect(await screen.findByText('Saved to your library: A headline')).toBeTruthy();
  });

  it('says so in the reader’s language when the kept article is gone', async () => {
    await renderReplacingReader({}, () => ({ code: 'not-found', message: 'gone', reason: 'reader-page-gone' }));
    fireEvent.click(await saveButton());
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not save: The article this reader opened with is no longer kept (the browser was restarted). Go back to the original page and save it from there.',
    );
  });

  it('stays disabled with neither a live tab nor a page behind the article', async () => {
    const library = createMockLibraryApi();
    const alwaysReader = createMockAlwaysReaderApi();
    let checked = false;
    const findSaved = library.findSaved.bind(library);
    library.findSaved = async (url) => {
      const found = await findSaved(url);
      checked = true;
      return found;
    };
    renderWithPage(
      <SaveButton surface="reader" article={ARTICLE} tabId={null} />,
      createMockApi({ tabId: null, library, alwaysReader }),
    );
    const button = await screen.findByRole('button', { name: 'Save for offline' });
    await waitFor(() => expect(checked).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(button.hasAttribute('disabled')).toBe(true);
    fireEvent.click(button);
    expect(alwaysReader.calls.save).toEqual([]);
    expect(library.calls.saveTab).toEqual([]);
  });
});
