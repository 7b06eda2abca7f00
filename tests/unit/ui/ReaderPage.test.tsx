// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createMockApi } from '../../../src/ui/api/mock-api';
import { createMockLibraryApi } from '../../../src/ui/api/mock-library-api';
import { ReaderPage } from '../../../src/ui/reader/ReaderPage';
import { makeArticle, LONG_HTML } from './article-fixture';
import { summary } from './library-fixture';
import { createFakeSpeech, VOICES } from './fake-speech';
import { renderWithPage } from './render-page';

afterEach(cleanup);

async function renderReader(options: Parameters<typeof createMockApi>[0] = {}, search = '?tabId=5', voices = VOICES) {
  const api = createMockApi({ extract: () => makeArticle({ html: LONG_HTML }), ...options });
  const speech = createFakeSpeech(voices);
  renderWithPage(<ReaderPage search={search} />, api, speech.engine);
  await screen.findByRole('heading', { level: 1, name: 'A headline' });
  return { api, speech };
}

describe('ReaderPage', () => {
  it('reads the tab named in its address and renders the whole body in order', async () => {
    const { api } = await renderReader();
    expect(api.calls.extractTab).toEqual([{ tabId: 5, force: false }]);
    const body = document.querySelector('.article__body')?.textContent ?? '';
    const order = [
      'Origins',
      'Paragraph 1',
      'The middle years',
      'Paragraph 2',
      'Aftermath',
      'What next',
      'Paragraph 4',
    ];
    const positions = order.map((s) => body.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(document.title).toBe('A headline — Tidy Reader');
  });

  it('says so when opened without an article to show', async () => {
    const api = createMockApi();
    renderWithPage(<ReaderPage search="" />, api);
    expect(await screen.findByRole('heading', { name: 'No article to show' })).toBeTruthy();
    expect(api.calls.extractTab).toEqual([]);
  });

  it('lists the sections of a long article and marks where the reader is', async () => {
    await renderReader();
    const nav = screen.getByRole('navigation', { name: 'Contents' });
    const links = [...nav.querySelectorAll('a')];
    expect(links.map((a) => a.textContent)).toEqual(['Origins', 'The middle years', 'Aftermath', 'What next']);
    for (const link of links) expect(document.querySelector(link.getAttribute('href')!)).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Contents' }));
    expect(screen.queryByRole('navigation', { name: 'Contents' })).toBeNull();
  });

  it('changes text size and theme from the keyboard, saves them and announces them', async () => {
    const { api } = await renderReader();
    fireEvent.keyDown(document, { key: '+' });
    await waitFor(() => expect(api.settingsStorage.stored).toMatchObject({ fontSize: 21 }));
    expect(document.documentElement.style.getPropertyValue('--reader-size')).toBe('21px');
    expect(screen.getByRole('status').textContent).toBe('Text size 21');
    fireEvent.keyDown(document, { key: 't' });
    await waitFor(() => expect(api.settingsStorage.stored).toMatchObject({ theme: 'light' }));
    fireEvent.keyDown(document, { key: 't' });
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('sepia'));
    expect(document.documentElement.style.getPropertyValue('--bg')).toBe('#f5eddb');
    expect(screen.getByRole('status').textContent).toBe('Theme: Sepia');
  });

  it('ignores shortcuts typed into a form field and with modifier keys', async () => {
    const { api } = await renderReader();
    fireEvent.click(screen.getByRole('button', { name: 'Reading settings' }));
    fireEvent.keyDown(screen.getByLabelText('Text size'), { key: '+' });
    fireEvent.keyDown(document, { key: '+', ctrlKey: true });
    await new Promise((r) => setTimeout(r, 20));
    expect(api.settingsStorage.stored).toBeUndefined();
  });

  it('opens the shortcut list with ? and goes back to the original page with b', async () => {
    const { api } = await renderReader();
    fireEvent.keyDown(document, { key: '?' });
    const dialog = await screen.findByRole('dialog', { hidden: true });
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(dialog.textContent).toContain('Next heading');
    expect(dialog.textContent).toContain('Alt+Shift+R');
    fireEvent.click(screen.getByRole('button', { name: 'Close', hidden: true }));
    expect(dialog.hasAttribute('open')).toBe(false);
    fireEvent.keyDown(document, { key: 'b' });
    expect(api.surfaceCalls.showTab).toEqual([5]);
  });

  it('applies the settings panel’s choices to the page at once', async () => {
    const { api } = await renderReader();
    fireEvent.click(screen.getByRole('button', { name: 'Reading settings' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Dyslexia-friendly' }));
    fireEvent.click(screen.getByRole('radio', { name: 'High contrast' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Justify text' }));
    await waitFor(() =>
      expect(api.settingsStorage.stored).toMatchObject({ font: 'dyslexic', theme: 'contrast', justify: true }),
    );
    const root = document.documentElement.style;
    expect(root.getPropertyValue('--reader-font')).toBe('var(--font-dyslexic)');
    expect(root.getPropertyValue('--reader-align')).toBe('justify');
    expect(root.getPropertyValue('--bg')).toBe('#000000');
  });

  it('follows settings changed on another surface', async () => {
    const { api } = await renderReader();
    api.settingsStorage.changeElsewhere({ theme: 'dark', width: 'narrow' });
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    expect(document.documentElement.style.getPropertyValue('--reader-measure')).toBe('55ch');
  });

  it('sets the language and direction of the article, not of the page', async () => {
    await renderReader({ extract: () => makeArticle({ lang: 'ar', dir: 'rtl' }) });
    const article = document.querySelector('article.article')!;
    expect(article.getAttribute('lang')).toBe('ar');
    expect(article.getAttribute('dir')).toBe('rtl');
  }, 10_000);

  it('reads aloud with the controls in the right states', async () => {
    const { speech } = await renderReader({ extract: () => makeArticle() });
    const play = screen.getByRole('button', { name: 'Read aloud' });
    expect(play.hasAttribute('disabled')).toBe(false);
    expect(screen.getByRole('button', { name: 'Next paragraph' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(play);
    expect(speech.current()?.text).toBe('Body one.');
    const pause = screen.getByRole('button', { name: 'Pause' });
    expect(pause.getAttribute('aria-pressed')).toBe('true');
    expect(document.querySelector('.is-speaking')?.textContent).toBe('Body one. Body two.');
    expect(screen.getByLabelText('Reading speed')).toBeTruthy();
    fireEvent.click(pause);
    expect(screen.getByRole('button', { name: 'Read aloud' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Stop reading aloud' }));
    expect(document.querySelector('.is-speaking')).toBeNull();
  });

  it('explains that read aloud needs a voice when the browser has none', async () => {
    await renderReader({}, '?tabId=5', []);
    expect(screen.getByRole('button', { name: 'Read aloud' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByText(/needs a text-to-speech voice/)).toBeTruthy();
  });

  it('saves the article for offline reading with s, as the Save button does, and says so', async () => {
    const library = createMockLibraryApi([], { save: () => ({ id: 'a1', title: 'A headline' }) });
    await renderReader({ library });
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Save for offline' }).hasAttribute('disabled')).toBe(false),
    );
    fireEvent.keyDown(document, { key: 's' });
    await screen.findByText('Saved to your library: A headline');
    expect(library.calls.saveTab).toEqual([5]);
    // Saved: the button now opens the saved copy, and s only says that it is saved.
    fireEvent.keyDown(document, { key: 's' });
    expect(screen.getByRole('status').textContent).toBe('Saved');
    expect(library.calls.saveTab).toEqual([5]);
    fireEvent.click(screen.getByRole('button', { name: 'Saved: open the saved copy' }));
    await waitFor(() => expect(library.calls.opened).toEqual(['a1']));
  });

  describe('a saved article (?id=)', () => {
    const PIXEL =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

    const LEAD = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';

    function savedLibrary() {
      return createMockLibraryApi([
        {
          article: summary({
            id: 'saved-1',
            title: 'Saved headline',
            url: 'https://news.example/saved',
            position: { progress: 0.4, block: 3 },
            leadImage: { src: LEAD, alt: 'Lead' },
          }),
          html: `<h2>Part one</h2><p>First saved paragraph.</p><img src="${PIXEL}" alt="Stored"><script>alert(1)</script><img src="x" onerror="alert(2)"><p>Last saved paragraph.</p>`,
          text: 'First saved paragraph.\n\nLast saved paragraph.',
        },
      ]);
    }

    it('renders from the library, images from their stored data, and sanitises again', async () => {
      const library = savedLibrary();
      const api = createMockApi({ library });
      renderWithPage(<ReaderPage search="?id=saved-1" />, api);
      await screen.findByRole('heading', { level: 1, name: 'Saved headline' });
      expect(api.calls.extractTab).toEqual([]);
      const body = document.querySelector('.article__body')!;
      expect(body.textContent).toContain('First saved paragraph.');
      expect(body.textContent).toContain('Last saved paragraph.');
      expect(body.innerHTML).not.toMatch(/script|onerror/);
      expect([...body.querySelectorAll('img')].map((i) => i.getAttribute('src'))).toEqual([
        PIXEL,
        'https://news.example/x',
      ]);
      expect(document.querySelector('.article__lead img')?.getAttribute('src')).toBe(LEAD);
      // Already in the library: the button says so and leads there; no "back to the page" without a tab.
      fireEvent.click(await screen.findByRole('button', { name: 'Saved: open the library' }));
      await waitFor(() => expect(api.surfaceCalls.openLibrary).toBe(1));
      expect(screen.queryByRole('button', { name: 'Back to the original page' })).toBeNull();
    });

    it('says clearly when the article was deleted, and offers the library', async () => {
      const api = createMockApi({ library: createMockLibraryApi([]) });
      renderWithPage(<ReaderPage search="?id=gone" />, api);
      expect(await screen.findByRole('heading', { name: 'Not in your library' })).toBeTruthy();
      expect(screen.getByRole('alert').textContent).toContain('This article is no longer in your library.');
      fireEvent.click(screen.getByRole('button', { name: 'Open the library' }));
      await waitFor(() => expect(api.surfaceCalls.openLibrary).toBe(1));
    });

    it('explains an entry saved as a link only, and downloads it on request', async () => {
      const library = createMockLibraryApi([
        { article: summary({ id: 'link-1', status: 'link', readingMinutes: 0 }), html: '' },
      ]);
      renderWithPage(<ReaderPage search="?id=link-1" />, createMockApi({ library }));
      expect(await screen.findByText(/Only the link of this article is saved/)).toBeTruthy();
      fireEvent.click(screen.getByRole('button', { name: 'Show anyway' }));
      await waitFor(() => expect(library.calls.fetchMissing).toEqual([['link-1']]));
    });
  });
});
