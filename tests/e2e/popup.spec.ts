import { describe, expect, it } from 'vitest';
import { BROWSERS } from './support/harness';
import { extensionSuite } from './support/extension-suite';

describe.each(BROWSERS)('popup in %s', (browserName) => {
  const suite = extensionSuite(browserName);

  it('loads the extension with its pages', async () => {
    const page = await suite.harness.openExtensionPage('options.html');
    const manifest = await page.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.name).toBe('Tidy Reader');
    expect(manifest.manifest_version).toBe(3);
    await page.close();
  });

  it('ships the content and clutter scripts asking V8 to compile them at once (each runs all of itself at once)', async () => {
    const page = await suite.harness.openExtensionPage('options.html');
    for (const file of ['content.js', 'clutter.js']) {
      const source = await page.evaluate((name) => fetch(chrome.runtime.getURL(name)).then((r) => r.text()), file);
      // The hint only counts as the file's first line (after minification, which drops comments).
      expect(source.split('\n', 1)[0], file).toBe('//# allFunctionsCalledOnLoad');
    }
    await page.close();
  });

  it("shows the demo article's title, byline, site and reading time", async () => {
    const article = await suite.harness.open(suite.server.pageUrl('magazine-seed'));
    const tabId = await suite.harness.tabIdOf(suite.server.pageUrl('magazine-seed'));
    const popup = await suite.harness.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.waitFor(() => document.querySelector('.article__title'));
    expect(await popup.text('.article__title')).toBe('Russia’s border regions brace for American missiles');
    expect(await popup.text('.article__byline')).toBe('Katya Ivanova');
    expect(await popup.text('.article__site')).toBe('The Spectator');
    expect(await popup.text('.article__time')).toMatch(/^\d+ min read$/);
    await popup.close();
    await article.close();
  });

  it('asks for the article before its UI code has loaded', async () => {
    const url = `${suite.server.pageUrl('magazine-seed')}?early`;
    const article = await suite.harness.open(url);
    const popup = await suite.harness.openExtensionPage(`popup.html?tabId=${await suite.harness.tabIdOf(url)}`);
    await popup.waitFor(() => document.querySelector('.article__title'));
    // The entry's request mark comes before the mark the UI code sets when it starts.
    const [requested, uiStarts] = await popup.evaluate(() =>
      ['tidy-reader:article-requested', 'tidy-reader:page-start'].map(
        (mark) => performance.getEntriesByName(mark)[0]?.startTime ?? null,
      ),
    );
    expect(requested).not.toBeNull();
    expect(uiStarts).not.toBeNull();
    expect(requested!).toBeLessThan(uiStarts!);
    await popup.close();
    await article.close();
  });

  it('opened again on an unchanged tab, is answered with the kept result; after a change, extracts again', async () => {
    const url = `${suite.server.pageUrl('magazine-seed')}?again`;
    const article = await suite.harness.open(url);
    const tabId = await suite.harness.tabIdOf(url);
    const counts = () =>
      article.evaluate(() => ({
        extractions: performance.getEntriesByName('tidy-reader:extract').length,
        kept: performance.getEntriesByName('tidy-reader:extract-kept').length,
      }));
    const readBody = async (): Promise<string | null> => {
      const popup = await suite.harness.openExtensionPage(`popup.html?tabId=${tabId}`);
      await popup.waitFor(() => document.querySelector('.article__body p'));
      const body = await popup.text('.article__body');
      await popup.close();
      return body;
    };
    const first = await readBody();
    expect(await readBody()).toBe(first);
    expect(await counts()).toEqual({ extractions: 1, kept: 1 });
    // The page adds a sentence to its first paragraph: the next popup reads the page anew.
    await article.evaluate(() => {
      const paragraph = document.querySelector('.entry-content p');
      paragraph?.append(' A sentence the page added later.');
    });
    expect(await readBody()).toContain('A sentence the page added later.');
    expect(first).not.toContain('A sentence the page added later.');
    expect(await counts()).toEqual({ extractions: 2, kept: 1 });
    await article.close();
  });

  it('says "Nothing to read" on a sign-in wall', async () => {
    const front = await suite.harness.open(suite.server.pageUrl('sign-in-wall'));
    const tabId = await suite.harness.tabIdOf(suite.server.pageUrl('sign-in-wall'));
    const popup = await suite.harness.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.waitFor(() => document.querySelector('#state-title'));
    expect(await popup.text('#state-title')).toBe('Nothing to read on this page');
    expect(await popup.text('.article__title')).toBeNull();
    await popup.close();
    await front.close();
  });

  it('costs the page nothing until asked: no DOM mutation, no extraction on load', async () => {
    const page = await suite.harness.open(suite.server.pageUrl('magazine-seed'));
    // Watch the page's DOM from the page's own world, before the extension touches the tab.
    await page.evaluate(() => {
      const w = window as unknown as { mutations: number };
      w.mutations = 0;
      new MutationObserver((records) => (w.mutations += records.length)).observe(document, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
    });
    const tabId = await suite.harness.tabIdOf(suite.server.pageUrl('magazine-seed'));
    const ext = await suite.harness.openExtensionPage('options.html');
    await ext.evaluate(async (id) => {
      await chrome.scripting.executeScript({ target: { tabId: id }, files: ['content.js'] });
    }, tabId);
    // The script is in: it answers a ping, yet has changed nothing and extracted nothing.
    const pong = await ext.evaluate(
      (id) => chrome.tabs.sendMessage(id, { channel: 'tidy-reader', to: 'content', type: 'content.ping', req: {} }),
      tabId,
    );
    expect(pong).toEqual({ ok: true, value: { ready: true } });
    await new Promise((r) => setTimeout(r, 300));
    const before = await page.evaluate(() => ({
      mutations: (window as unknown as { mutations: number }).mutations,
      extractions: performance.getEntriesByName('tidy-reader:extract').length,
    }));
    expect(before).toEqual({ mutations: 0, extractions: 0 });

    // Asked once, it extracts once, still without touching the page.
    const reply = await ext.evaluate(
      (id) => chrome.tabs.sendMessage(id, { channel: 'tidy-reader', to: 'content', type: 'reader.extract', req: {} }),
      tabId,
    );
    expect(reply).toMatchObject({ ok: true, value: { isArticle: true } });
    const after = await page.evaluate(() => ({
      mutations: (window as unknown as { mutations: number }).mutations,
      extractions: performance.getEntriesByName('tidy-reader:extract').length,
    }));
    expect(after).toEqual({ mutations: 0, extractions: 1 });
    // Its steps are in the page's timeline too, for the speed benchmark and DevTools.
    const steps = await page.evaluate(() =>
      performance
        .getEntriesByType('measure')
        .map((entry) => entry.name)
        .filter((name) => name.startsWith('tidy-reader:step:')),
    );
    expect(steps).toEqual(
      expect.arrayContaining([
        'tidy-reader:step:classify',
        'tidy-reader:step:readability',
        'tidy-reader:step:sanitise',
      ]),
    );
    await ext.close();
    await page.close();
  });
});
