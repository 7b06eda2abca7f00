/**
 * The reading surfaces in real browsers: popup, side panel and reader on fixture pages, settings
 * shared across surfaces, the browser command, and hostile markup kept inert.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROWSERS, type TestPage } from './support/harness';
import { FIXTURES_DIR } from './support/fixture-server';
import { extensionSuite } from './support/extension-suite';

const SCREENSHOTS = resolve(import.meta.dirname, '../../out/screenshots');

function expectedParagraphs(slug: string): string[] {
  return readFileSync(join(FIXTURES_DIR, 'pages', slug, 'expected.txt'), 'utf8')
    .trim()
    .split('\n\n');
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Runs in an extension page: Firefox's sidebar or Chromium's side panel is open. */
async function isSidePanelOpen(): Promise<boolean> {
  const api = globalThis as unknown as {
    browser?: { sidebarAction?: { isOpen(d: object): Promise<boolean> } };
    chrome: typeof chrome;
  };
  if (api.browser?.sidebarAction) return api.browser.sidebarAction.isOpen({});
  const contexts = await api.chrome.runtime.getContexts({
    contextTypes: ['SIDE_PANEL' as chrome.runtime.ContextType],
  });
  return contexts.some((c) => c.documentUrl?.includes('sidepanel.html'));
}

describe.each(BROWSERS)('reading surfaces in %s', (browserName) => {
  const suite = extensionSuite(browserName);

  /** Opens a fixture page and an extension surface reading it. */
  async function openSurface(slug: string, surface: 'popup' | 'sidepanel' | 'reader') {
    const url = suite.server.pageUrl(slug);
    const article = await suite.harness.open(url);
    const tabId = await suite.harness.tabIdOf(url);
    const page = await suite.harness.openExtensionPage(`${surface}.html?tabId=${tabId}`);
    await page.waitFor(() => document.querySelector('.article__body p, .status:not([aria-busy])'));
    return { article, tabId, page };
  }

  /** Resets every setting on the settings page, then picks `theme`. */
  async function setTheme(theme: 'light' | 'dark'): Promise<void> {
    const options = await suite.harness.openExtensionPage('options.html');
    await options.waitFor(() => document.querySelector('.settings__choice--theme input'));
    await options.click('.settings__reset');
    await options.click(`.settings__choice--theme [data-value="${theme}"] input`);
    await options.waitFor((t) => document.documentElement.dataset.theme === t, theme);
    await options.close();
  }

  it('popup: shows the cleaned article itself, with its actions', async () => {
    const { article, page } = await openSurface('magazine-seed', 'popup');
    expect(await page.text('.article__title')).toBe('Russia’s border regions brace for American missiles');
    expect(await page.text('.article__byline')).toBe('Katya Ivanova');
    expect(await page.text('.article__site')).toBe('The Spectator');
    expect(await page.text('.article__time')).toMatch(/^\d+ min read$/);
    const body = normalise((await page.text('.article__body')) ?? '');
    for (const paragraph of expectedParagraphs('magazine-seed')) expect(body).toContain(normalise(paragraph));
    const actions = await page.evaluate(() =>
      [...document.querySelectorAll('[role="toolbar"] button')].map((b) => b.getAttribute('title')),
    );
    expect(actions).toEqual(expect.arrayContaining(['Side panel', 'Open reader', 'Library', 'Settings']));
    await page.close();
    await article.close();
  });

  it('side panel: the keyboard command opens it on the current tab', async () => {
    const url = suite.server.pageUrl('magazine-seed');
    const article = await suite.harness.open(url);
    // Opened before the key press, so that the page stays the tab the command acts on.
    const ext = await suite.harness.openExtensionPage('options.html');
    const shortcut = await ext.evaluate(
      async () => (await chrome.commands.getAll()).find((c) => c.name === 'open-side-panel')?.shortcut ?? '',
    );
    await article.pressShortcut(shortcut.replace(/\s/g, ''));
    const isOpen = await ext.waitFor(isSidePanelOpen);
    expect(isOpen).toBe(true);
    await ext.close();
    await article.close();
  });

  it('side panel: opens from the popup, and its page renders the article', async () => {
    const { article, tabId, page: popup } = await openSurface('magazine-seed', 'popup');
    await popup.click('button[title="Side panel"]');
    const isOpen = await popup.waitFor(isSidePanelOpen);
    expect(isOpen).toBe(true);
    await popup.close();

    const panel = await suite.harness.openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    await panel.waitFor(() => document.querySelector('.article__body p'));
    expect(await panel.text('.article__title')).toBe('Russia’s border regions brace for American missiles');
    const body = normalise((await panel.text('.article__body')) ?? '');
    expect(body).toContain(normalise(expectedParagraphs('magazine-seed').at(-1)!));
    for (const label of ['Open reader', 'Copy as Markdown', 'Print', 'Reading settings']) {
      expect(await panel.evaluate((l) => !!document.querySelector(`button[title="${l}"]`), label)).toBe(true);
    }
    await panel.close();
    await article.close();
  });

  it('reader: renders the full body in order, with contents, a scrolling table and progress', async () => {
    const { article, page } = await openSurface('reader-long-toc', 'reader');
    const body = normalise((await page.text('.article__body')) ?? '');
    let cursor = 0;
    for (const paragraph of expectedParagraphs('reader-long-toc')) {
      const at = body.indexOf(normalise(paragraph), cursor);
      expect(at, paragraph).toBeGreaterThanOrEqual(cursor);
      cursor = at;
    }
    const contents = await page.evaluate(() => [...document.querySelectorAll('nav.toc a')].map((a) => a.textContent));
    expect(contents).toEqual(
      expect.arrayContaining(['The first quay', 'Measuring the floods', 'Living with the water']),
    );
    const table = await page.evaluate(() => {
      const region = document.querySelector('.article__body .scroll-x');
      return region && { overflow: getComputedStyle(region).overflowX, focusable: region.getAttribute('tabindex') };
    });
    expect(table).toEqual({ overflow: 'auto', focusable: '0' });
    expect(await page.evaluate(() => document.querySelector('progress')?.getAttribute('aria-label'))).toBe(
      'Reading progress',
    );
    expect(await page.evaluate(() => document.title)).toBe(
      'How the river made the city, and then unmade it — Tidy Reader',
    );
    await page.close();
    await article.close();
  });

  it('reader: an RTL article reads right to left with its language', async () => {
    const { article, page } = await openSurface('reader-rtl', 'reader');
    const attrs = await page.evaluate(() => {
      const el = document.querySelector('article.article')!;
      return { lang: el.getAttribute('lang'), dir: el.getAttribute('dir'), direction: getComputedStyle(el).direction };
    });
    expect(attrs).toEqual({ lang: 'ar', dir: 'rtl', direction: 'rtl' });
    await page.close();
    await article.close();
  });

  it('settings: a change persists across reload and applies to the other surfaces, live', async () => {
    const { article, tabId, page: reader } = await openSurface('magazine-seed', 'reader');
    const popup = await suite.harness.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.waitFor(() => document.querySelector('.article__body p'));
    await reader.click('.action--settings');
    await reader.click('.settings__choice--theme [data-value="sepia"] input');
    await reader.click('.settings__choice--font [data-value="dyslexic"] input');
    await reader.waitFor(() => document.documentElement.dataset.theme === 'sepia');
    // The popup, open all along, follows without a reload.
    await popup.waitFor(() => document.documentElement.dataset.theme === 'sepia');
    expect(await popup.evaluate(() => getComputedStyle(document.querySelector('.article')!).fontFamily)).toMatch(
      /OpenDyslexic/,
    );
    await reader.reload();
    await reader.waitFor(() => document.querySelector('.article__body p'));
    expect(await reader.evaluate(() => document.documentElement.dataset.theme)).toBe('sepia');
    expect(await reader.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(245, 237, 219)');
    await reader.evaluate(() => document.fonts.ready.then(() => undefined));
    expect(await reader.evaluate(() => document.fonts.check('20px OpenDyslexic'))).toBe(true);
    await reader.close();
    await popup.close();
    await article.close();
    await setTheme('light');
  });

  it('reader: keyboard shortcuts change the text size and theme and list themselves on ?', async () => {
    const { article, page } = await openSurface('magazine-seed', 'reader');
    const size = () => page.evaluate(() => getComputedStyle(document.querySelector('.article')!).fontSize);
    const before = await size();
    await page.press('+');
    await page.waitFor((b) => getComputedStyle(document.querySelector('.article')!).fontSize !== b, before);
    expect(parseFloat(await size())).toBe(parseFloat(before) + 1);
    await page.press('-');
    await page.press('?');
    await page.waitFor(() => document.querySelector('dialog[open]'));
    expect(await page.text('dialog[open]')).toContain('Next theme');
    await page.press('Escape');
    await page.waitFor(() => !document.querySelector('dialog[open]'));
    await page.close();
    await article.close();
  });

  it('the browser command opens the reader for the current tab, and closes it again', async () => {
    const commands = await (async () => {
      const page = await suite.harness.openExtensionPage('options.html');
      const list = await page.evaluate(async () =>
        (await chrome.commands.getAll()).map((c) => [c.name, c.shortcut] as [string, string]),
      );
      await page.close();
      return Object.fromEntries(list);
    })();
    // A browser blanks a suggested shortcut that clashes with one of its own.
    expect(commands['toggle-reader']).toBe('Alt+Shift+U');
    expect(commands['open-side-panel']).toBe('Alt+Shift+D');

    const url = suite.server.pageUrl('reader-rtl');
    const article = await suite.harness.open(url);
    const tabId = await suite.harness.tabIdOf(url);
    const readerUrl = `${suite.harness.extensionOrigin}/reader.html?tabId=${tabId}`;
    // Opened before the key presses: a tab opened right after one could become the tab the
    // command acts on, since Firefox may first have to wake the extension's background.
    const ext = await suite.harness.openExtensionPage('options.html');
    /** Waits until `expected` tabs show this reader. */
    const waitForReaders = async (expected: number) => {
      try {
        return await ext.waitFor(
          async ([u, n]) => (await chrome.tabs.query({})).filter((t) => t.url === u).length === n,
          [readerUrl, expected] as [string, number],
        );
      } catch (error) {
        const tabs = await ext.evaluate(async () => (await chrome.tabs.query({})).map((t) => [t.id, t.url, t.active]));
        throw new Error(`Expected ${expected} × ${readerUrl}; tabs: ${JSON.stringify(tabs)}`, { cause: error });
      }
    };

    await article.pressShortcut('Alt+Shift+U');
    expect(await waitForReaders(1)).toBe(true);

    // On a reader, the same command closes it.
    const reader = await suite.harness.openExtensionPage(`reader.html?tabId=${tabId}`);
    await reader.waitFor(() => document.querySelector('.article__body p'));
    expect(await waitForReaders(2)).toBe(true);
    await reader.pressShortcut('Alt+Shift+U');
    expect(await waitForReaders(1)).toBe(true);
    await ext.close();
    await article.close();
  });

  it('read aloud: the controls say what they can do in this browser', async () => {
    const { article, page } = await openSurface('magazine-seed', 'reader');
    const state = await page.evaluate(() => ({
      voices: speechSynthesis.getVoices().length,
      isDisabled: document.querySelector<HTMLButtonElement>('.read-aloud__play')?.disabled,
      note: document.querySelector('.read-aloud__note')?.textContent ?? null,
      isSkipDisabled: document.querySelector<HTMLButtonElement>('.read-aloud__next')?.disabled,
    }));
    expect(state.isSkipDisabled).toBe(true);
    if (state.voices === 0) {
      expect(state.isDisabled).toBe(true);
      expect(state.note).toMatch(/needs a text-to-speech voice/);
    } else {
      expect(state.isDisabled).toBe(false);
      expect(state.note).toBeNull();
    }
    await page.close();
    await article.close();
  });

  it('hostile markup never runs: no dialog, no request to its URLs, nothing active in the DOM', async () => {
    const pages: TestPage[] = [];
    for (const surface of ['reader', 'popup', 'sidepanel'] as const) {
      const { article, page } = await openSurface('reader-hostile', surface);
      pages.push(article, page);
      expect(normalise((await page.text('.article__body')) ?? '')).toContain('the council voted nine to four');
      const active = await page.evaluate(() =>
        [
          ...document.querySelectorAll(
            'script:not([src]), .article iframe, .article object, .article embed, .article form, .article svg:not(.icon), .article style, .article link, .article base, .article video, .article audio, .article [style], .article [srcset], .article [onerror], .article [onclick], .article [ontoggle], .article [onfocus], .article a[href^="javascript:"]',
          ),
        ].map((el) => el.outerHTML.slice(0, 80)),
      );
      expect(active).toEqual([]);
      // The embedded player is a card with a link that opens it on its site; so are the page's
      // own video and audio (nothing of them is loaded).
      const cards = await page.evaluate(() =>
        [...document.querySelectorAll('.article a.media-card')].map((a) => ({
          href: new URL(a.getAttribute('href') ?? '').pathname + new URL(a.getAttribute('href') ?? '').search,
          text: a.textContent,
        })),
      );
      expect(cards, surface).toEqual([
        { href: '/watch?v=dQw4w9WgXcQ', text: 'The harbour plan, explained YouTube' },
        { href: '/hostile/video', text: '127.0.0.1' },
        { href: '/hostile/audio', text: '127.0.0.1' },
      ]);
    }
    await new Promise((r) => setTimeout(r, 1000));
    for (const page of pages) expect(page.dialogs).toEqual([]);
    expect(suite.server.requests.filter((r) => r.startsWith('/hostile/'))).toEqual([]);
    for (const page of pages) await page.close();
  });

  it("the extension pages' CSP loads no frame and no media, whatever would insert one", async () => {
    const page = await suite.harness.openExtensionPage('options.html');
    await page.waitFor(() => document.readyState === 'complete');
    const violated = await page.evaluate(async (origin) => {
      const directives = new Set<string>();
      document.addEventListener('securitypolicyviolation', (e) => directives.add(e.effectiveDirective));
      for (const src of [`${origin}/csp-probe/frame`, 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ']) {
        const frame = document.createElement('iframe');
        frame.src = src;
        document.body.append(frame);
      }
      const video = document.createElement('video');
      video.src = `${origin}/csp-probe/video`;
      document.body.append(video);
      const audio = new Audio(`${origin}/csp-probe/audio`);
      audio.load();
      for (let i = 0; i < 50 && directives.size < 2; i++) await new Promise((r) => setTimeout(r, 100));
      return [...directives].sort();
    }, suite.server.origin);
    expect(violated).toEqual(['frame-src', 'media-src']);
    await new Promise((r) => setTimeout(r, 500));
    expect(suite.server.requests.filter((r) => r.startsWith('/csp-probe/'))).toEqual([]);
    await page.close();
  });

  it('writes screenshots of each surface in light and dark', async () => {
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(theme);
      for (const surface of ['popup', 'sidepanel', 'reader'] as const) {
        const { article, page } = await openSurface(
          surface === 'reader' ? 'reader-long-toc' : 'magazine-seed',
          surface,
        );
        await page.waitFor((t) => document.documentElement.dataset.theme === t, theme);
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        await page.screenshot(
          join(SCREENSHOTS, `${browserName}-${surface}-${theme}.png`),
          surface === 'popup' ? '.surface--popup' : undefined,
        );
        await page.close();
        await article.close();
      }
    }
    await setTheme('light');
  });
});
