/**
 * Saving a link whose page uses relative image addresses (the Chromium bug where such pages kept
 * none of their images), a page's canonical address taken only on its own site, and an
 * accessibility check of the library page: axe-core's rules, and every control reachable with the
 * keyboard, with a visible focus ring.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { BROWSERS } from './support/harness';
import { extensionSuite } from './support/extension-suite';
import { value, type StoredArticle } from './support/library-messages';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeSummary {
  passes: number;
  violations: { id: string; impact: string; nodes: string[] }[];
}

describe.each(BROWSERS)('library pages in %s', (browserName) => {
  const suite = extensionSuite(browserName);

  it('saves a link with all ten of its images, their relative addresses resolved against the page', async () => {
    const ext = await suite.harness.openExtensionPage('options.html');
    const url = `${suite.server.origin}/library/relative-images.html`;
    const saved = await value<{ id: string; status: string; images: { total: number; stored: number } }>(
      ext,
      'articles.saveUrl',
      { url },
    );
    expect(saved.status).toBe('complete');
    expect(saved.images).toEqual({ total: 10, stored: 10 });
    const stored = await value<StoredArticle>(ext, 'articles.get', { id: saved.id });
    expect(stored.imageUrls.every((u) => u.startsWith(`${suite.server.origin}/assets/`))).toBe(true);
    expect(stored.text).toContain('the fishermen still lean over them');
    const fetched = suite.server.requests.filter((r) => r.startsWith('/assets/'));
    expect(new Set(fetched).size).toBe(10);
    await ext.close();
  });

  it('files a page under its own address when its canonical one is on another site, and keeps one on its own', async () => {
    interface Saved {
      article: { url: string; canonicalUrl: string | null; host: string };
    }
    const ext = await suite.harness.openExtensionPage('options.html');
    const elsewhere = `${suite.server.origin}/library/canonical-elsewhere.html`;
    const tab = await suite.harness.open(elsewhere);
    // From the open tab (its canonical link read in the page) and as a fetched link: one entry, its own.
    const fromTab = await value<{ id: string }>(ext, 'articles.saveTab', {
      tabId: await suite.harness.tabIdOf(elsewhere),
    });
    const fromLink = await value<{ id: string; isNew: boolean }>(ext, 'articles.saveUrl', { url: elsewhere });
    expect(fromLink).toMatchObject({ id: fromTab.id, isNew: false });
    expect((await value<Saved>(ext, 'articles.get', { id: fromTab.id })).article).toEqual(
      expect.objectContaining({ url: elsewhere, canonicalUrl: null, host: '127.0.0.1' }),
    );
    expect(
      await value(ext, 'articles.lookup', { url: 'https://www.spectator.co.uk/article/the-ferry-across-the-sound' }),
    ).toBeNull();

    const here = await value<{ id: string }>(ext, 'articles.saveUrl', {
      url: `${suite.server.origin}/library/canonical-here.html?utm_source=feed`,
    });
    expect((await value<Saved>(ext, 'articles.get', { id: here.id })).article.canonicalUrl).toBe(
      `${suite.server.origin}/library/canonical-here.html`,
    );
    await tab.close();
    await ext.close();
  });

  it('saves embedded players as cards, and the saved copy shows them with no frame or player', async () => {
    const ext = await suite.harness.openExtensionPage('options.html');
    const url = `${suite.server.origin}/library/embedded-video.html`;
    const saved = await value<{ id: string; status: string }>(ext, 'articles.saveUrl', { url });
    expect(saved.status).toBe('complete');
    const stored = await value<StoredArticle>(ext, 'articles.get', { id: saved.id });
    expect(stored.html).not.toMatch(/<iframe|youtube-nocookie|player\.vimeo/);
    expect(stored.text).not.toMatch(/YouTube|Vimeo/);
    await ext.close();

    const reader = await suite.harness.openExtensionPage(`reader.html?id=${encodeURIComponent(saved.id)}`);
    await reader.waitFor(() => document.querySelector('.article__body a.media-card'));
    const cards = await reader.evaluate(() =>
      [...document.querySelectorAll('.article__body a.media-card')].map((a) => ({
        href: a.getAttribute('href'),
        text: a.textContent,
        target: a.getAttribute('target'),
      })),
    );
    expect(cards).toEqual([
      {
        href: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
        text: 'The harbour wall, stone by stone YouTube',
        target: '_blank',
      },
      { href: 'https://vimeo.com/76979871', text: 'Vimeo', target: '_blank' },
    ]);
    expect(await reader.evaluate(() => document.querySelectorAll('iframe, video, audio').length)).toBe(0);
    await reader.close();
  });

  it('saves the page with Alt+Shift+L, a shortcut neither browser keeps for itself (Firefox takes Alt+Shift+S for its History menu)', async () => {
    const url = suite.server.pageUrl('magazine-seed');
    const article = await suite.harness.open(url);
    const ext = await suite.harness.openExtensionPage('options.html');
    const shortcut = await ext.evaluate(async () => {
      const commands = await (globalThis as unknown as { chrome: typeof chrome }).chrome.commands.getAll();
      return commands.find((c) => c.name === 'save-to-library')?.shortcut ?? '';
    });
    // The browser assigns a suggested key only when it is free.
    expect(shortcut.replace(/\s/g, '')).toBe('Alt+Shift+L');
    expect(await value(ext, 'articles.lookup', { url })).toBeNull();
    await article.pressShortcut('Alt+Shift+L');
    const saved = await ext.waitFor(async (address) => {
      const api = (globalThis as unknown as { chrome: typeof chrome }).chrome;
      const reply = (await api.runtime.sendMessage({
        channel: 'tidy-reader',
        to: 'background',
        type: 'articles.lookup',
        req: { url: address },
      })) as { value: { title: string } | null };
      return reply.value;
    }, url);
    expect(saved?.title).toBe('Russia’s border regions brace for American missiles');
    await ext.close();
    await article.close();
  });

  it('passes axe-core’s checks and reaches every control with the keyboard, focus visible', async () => {
    const library = await suite.harness.openExtensionPage('library.html');
    await library.waitFor(() => document.querySelector('.entry__title'));
    const axe = JSON.parse(
      (await library.evaluateScript(`${AXE_SOURCE};
        axe.run(document, { resultTypes: ['violations'] }).then((r) => JSON.stringify({
          passes: r.passes.length,
          violations: r.violations.map((v) => ({
            id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')),
          })),
        }))`)) as string,
    ) as AxeSummary;
    expect(axe.violations).toEqual([]);
    expect(axe.passes).toBeGreaterThan(10);

    // Every enabled control, in document order, the menus' too (opened as Enter on them does);
    // then Tab through the page and see each take focus.
    const controls = await library.evaluate(() => {
      for (const menu of document.querySelectorAll('details')) menu.open = true;
      const all = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea')].filter(
        (el) => !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0,
      );
      all.forEach((el, i) => (el.dataset.kb = String(i)));
      return all.length;
    });
    const reached = new Set<string>();
    const withoutRing: string[] = [];
    const stops = await library.evaluate(
      () =>
        document.querySelectorAll('[data-kb]').length -
        document.querySelectorAll('[data-kb][type="radio"]:not(:checked)').length,
    );
    for (let i = 0; i < controls * 2 + 5 && reached.size < stops; i++) {
      await library.press('Tab');
      const focused = await library.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el?.dataset.kb) return null;
        const style = getComputedStyle(el);
        const isVisible = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
        const name = `${el.outerHTML.slice(0, 60)} (outline ${style.outlineStyle} ${style.outlineWidth})`;
        return { index: el.dataset.kb, isVisible, name };
      });
      if (!focused || reached.has(focused.index)) continue;
      if (!focused.isVisible) withoutRing.push(focused.name);
      reached.add(focused.index);
    }
    const missed = await library.evaluate(
      (seen) =>
        [...document.querySelectorAll<HTMLElement>('[data-kb]')]
          .filter((el) => !seen.includes(el.dataset.kb ?? ''))
          // A radio group is one Tab stop (its checked radio); the arrow keys move within it.
          .filter((el) => !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked))
          .map((el) => el.outerHTML.slice(0, 80)),
      [...reached],
    );
    expect(missed).toEqual([]);
    expect(withoutRing).toEqual([]);
    await library.close();
  });
});
