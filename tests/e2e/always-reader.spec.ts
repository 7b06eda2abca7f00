/**
 * "Always open in reader on this site" in Chromium and Firefox: switched on from the popup for the
 * fixture site (127.0.0.1), an article page of the site opens in the reader in its own tab as it
 * loads; a list page, a sign-in wall and another site (localhost, granted too) stay as they are;
 * one click goes back to the page, which then stays (a reload included); the reader's Save keeps
 * the article in the library, although the page is gone from the tab. The tests share the
 * site's setting and run in order, like a user would.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, type TestPage } from './support/harness';
import { FIXTURE_HOSTS } from './support/extension-copy';
import { extensionSuite } from './support/extension-suite';
import { value, type StoredArticle } from './support/library-messages';

const MARK = 'tidy-reader:always-reader:';
const TITLE = 'Russia’s border regions brace for American missiles';
const REGISTRATION = 'tidy-always-reader';
/** Generous: the machines running these share their two cores with other work. */
const TIMEOUT = 30_000;

/** Polls `check` until it gives a truthy value; a page between two documents just fails a round. */
async function until<R>(check: () => Promise<R>, what: string): Promise<NonNullable<R>> {
  const deadline = Date.now() + TIMEOUT;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      last = await check();
      if (last) return last as NonNullable<R>;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `Timed out waiting for ${what}; last: ${last instanceof Error ? String(last) : JSON.stringify(last)}`,
  );
}

/** What the tab shows once a document has loaded: its address, its outcome marks, its heading. */
function loadedState(page: TestPage) {
  return page.evaluate((mark) => {
    if (document.readyState !== 'complete') return null;
    return {
      href: location.href,
      marks: performance
        .getEntriesByType('mark')
        .map((entry) => entry.name)
        .filter((name) => name.startsWith(mark))
        .map((name) => name.slice(mark.length)),
      title: document.querySelector('.article__title')?.textContent ?? null,
      navigation: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.type,
    };
  }, MARK);
}

describe.each(BROWSERS)('always open in reader on a site in %s', (browserName) => {
  const suite = extensionSuite(browserName, { hosts: [...FIXTURE_HOSTS, 'http://localhost/*'] });
  const readerPrefix = () => `${suite.harness.extensionOrigin}/reader.html?page=`;

  async function openPopupFor(url: string): Promise<{ page: TestPage; popup: TestPage }> {
    const page = await suite.harness.open(url);
    const tabId = await suite.harness.tabIdOf(url);
    const popup = await suite.harness.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.waitFor(() => document.querySelector('input[name="always-reader"]'));
    return { page, popup };
  }

  /** The extension's registered page scripts for this feature: their match patterns. */
  async function registeredMatches(): Promise<string[] | null> {
    const options = await suite.harness.openExtensionPage('options.html');
    try {
      return await options.evaluate(async (id) => {
        const api = (globalThis as unknown as { chrome: typeof chrome }).chrome;
        const scripts = await api.scripting.getRegisteredContentScripts();
        return scripts.find((s) => s.id === id)?.matches ?? null;
      }, REGISTRATION);
    } finally {
      await options.close();
    }
  }

  it('switched on in the popup, opens an article page of the site in the reader as it loads', async () => {
    const { page, popup } = await openPopupFor(suite.server.pageUrl('front-page'));
    const label = await popup.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('input[name="always-reader"]')!;
      return { checked: input.checked, role: input.getAttribute('role'), label: input.closest('label')?.textContent };
    });
    expect(label).toEqual({ checked: false, role: 'switch', label: 'Always open in reader on this site' });
    await popup.click('input[name="always-reader"]');
    await popup.waitFor(() => document.querySelector('#always-reader-status')?.textContent?.includes('now open'));
    expect(
      await popup.evaluate(() => document.querySelector<HTMLInputElement>('input[name="always-reader"]')!.checked),
    ).toBe(true);
    await popup.close();
    // The page the switch was used on is not reloaded or taken over: only the next loads are.
    expect(page.url()).toBe(suite.server.pageUrl('front-page'));
    await page.close();
    expect(await registeredMatches()).toEqual(['http://127.0.0.1/*']);

    const url = suite.server.pageUrl('magazine-seed');
    const article = await suite.harness.open(url);
    const reader = await until(async () => {
      const state = await loadedState(article);
      return state?.href.startsWith(readerPrefix()) && state.title ? state : null;
    }, 'the reader in the article’s tab');
    expect(reader.href).toBe(readerPrefix() + encodeURIComponent(url));
    expect(reader.title).toBe(TITLE);
    await article.waitFor(() => document.body.innerText.includes('Opened in the reader because you chose it for'));

    // One click back to the page, which stays: a step back does not open the reader again.
    await article.click('.action--original');
    let seen: unknown = null;
    const back = await until(async () => {
      const state = await loadedState(article);
      seen = state ?? seen;
      // A document loaded again marks what it decided; one the browser kept aside runs nothing.
      return state?.href === url && (state.marks.length > 0 || state.navigation === 'navigate') ? state : null;
    }, 'the original page back in its tab').catch((error: unknown) => {
      throw new Error(`${String(error)}; the tab showed ${JSON.stringify(seen)}`);
    });
    // Loaded again by the step back, it kept the page; or it is the very document the browser kept
    // aside (back/forward cache), which handed itself over before and runs no script again (its
    // "opened" mark may not have arrived before it was put aside).
    if (back.navigation === 'back_forward') expect(back.marks).toEqual(['kept']);
    else expect(back.navigation === 'navigate' && back.marks.every((m) => m === 'opened')).toBe(true);
    expect(await article.evaluate(() => document.querySelector('h1')?.textContent)).toContain('border regions');

    // A reload of the page it was left for keeps the page too.
    await article.reload();
    const reloaded = await until(async () => {
      const state = await loadedState(article);
      return state?.href === url && state.marks.includes('kept') ? state : null;
    }, 'the reloaded page to decide');
    expect(reloaded.marks).toEqual(['kept']);
    expect(article.url()).toBe(url);
    await article.close();
  }, 150_000);

  it('leaves pages the engine does not take for an article as they are', async () => {
    for (const [slug, outcome] of [
      ['front-page', 'not-article'],
      ['sign-in-wall', 'not-article'],
    ] as const) {
      const url = suite.server.pageUrl(slug);
      const page = await suite.harness.open(url);
      const state = await until(async () => {
        const s = await loadedState(page);
        return s && s.marks.length > 0 ? s : null;
      }, `${slug} to be decided`);
      expect(state).toMatchObject({ href: url, marks: [outcome] });
      expect(page.url()).toBe(url);
      await page.close();
    }
  });

  it('leaves another site alone, even one the extension has access to', async () => {
    const other = suite.server.pageUrl('magazine-seed').replace('127.0.0.1', 'localhost');
    const elsewhere = await suite.harness.open(other);
    // A later article of the chosen site opens in the reader: the script has had its turn.
    const url = suite.server.pageUrl('magazine-seed');
    const chosen = await suite.harness.open(url);
    await until(async () => (await loadedState(chosen))?.href.startsWith(readerPrefix()), 'the chosen site’s reader');
    const state = await loadedState(elsewhere);
    expect(state).toMatchObject({ href: other, marks: [] });
    expect(await registeredMatches()).toEqual(['http://127.0.0.1/*']);
    await chosen.close();
    await elsewhere.close();
  });

  it('saves the article from the reader that opened by itself, with its pictures', async () => {
    const url = suite.server.pageUrl('magazine-seed');
    const reader = await suite.harness.open(url);
    await until(async () => {
      const state = await loadedState(reader);
      return state?.href.startsWith(readerPrefix()) && state.title ? state : null;
    }, 'the reader in the article’s tab');
    // No live tab stands behind this reader: the article the background kept for it is saved.
    await reader.waitFor(() => document.querySelector<HTMLButtonElement>('.action--save:not(:disabled)'));
    expect(await reader.text('.action--save')).toBe('Save for offline');
    await reader.click('.action--save');
    await reader.waitFor(() => document.querySelector('.action--saved'));
    expect(await reader.text('.save-note')).toContain(`Saved to your library: ${TITLE}`);

    const found = await value<{ id: string; images: { total: number; stored: number } } | null>(
      reader,
      'articles.lookup',
      { url },
    );
    expect(found).not.toBeNull();
    // The pictures were downloaded as for a page saved from its tab.
    expect(found!.images.total).toBeGreaterThan(0);
    expect(found!.images.stored).toBe(found!.images.total);
    const stored = await value<StoredArticle>(reader, 'articles.get', { id: found!.id });
    expect(stored.article.title).toBe(TITLE);
    expect(stored.text).toContain('Belgorod');
    await reader.close();
  }, 120_000);

  it('removed on the settings page, unregisters the script and leaves the site’s articles alone', async () => {
    const options = await suite.harness.openExtensionPage('options.html');
    await options.waitFor(() => document.querySelector('.always-reader-site[data-host="127.0.0.1"] button'));
    expect(
      await options.evaluate(() =>
        document.querySelector('.always-reader-site[data-host="127.0.0.1"] button')?.getAttribute('aria-label'),
      ),
    ).toBe('Stop opening 127.0.0.1 in the reader');
    await options.click('.always-reader-site[data-host="127.0.0.1"] button');
    await options.waitFor(() => !document.querySelector('.always-reader-site'));
    await options.close();
    expect(await registeredMatches()).toBeNull();

    const url = suite.server.pageUrl('magazine-seed');
    const page = await suite.harness.open(url);
    // The popup on the page says the site is not chosen, and the page is still the page.
    const tabId = await suite.harness.tabIdOf(url);
    const popup = await suite.harness.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.waitFor(() => document.querySelector('input[name="always-reader"]'));
    expect(
      await popup.evaluate(() => document.querySelector<HTMLInputElement>('input[name="always-reader"]')!.checked),
    ).toBe(false);
    expect(await loadedState(page)).toMatchObject({ href: url, marks: [] });
    await popup.close();
    await page.close();
  });
});
