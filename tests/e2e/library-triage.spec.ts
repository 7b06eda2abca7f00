/**
 * The library page as a reader meets it, in Chromium and Firefox, with 30 saved articles: the
 * thumbnails (made by the browser from the stored pictures) and the reading progress of those that
 * have them, a right-to-left article laid out right to left, the bulk bar only while something is
 * selected, rows drawn as sketches during a fling and whole after it, `j j e` archiving the
 * second article with the keyboard alone, and no axe-core violation in any theme.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { BROWSERS } from './support/harness';
import { extensionSuite } from './support/extension-suite';
import { value, type StoredArticle } from './support/library-messages';
import { importArticles, syntheticArticles } from './support/library-seed';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const COUNT = 30;
const hasPicture = (i: number) => i % 3 !== 1;
const progress = (i: number) => (i % 4 === 0 ? 0.25 + (i % 3) * 0.2 : null);
const isRtl = (i: number) => i === 27;
const ARTICLES = syntheticArticles(COUNT, { hasPicture, progress, isRtl });
/** Newest first: the list's n-th row is the article saved n-th from last. */
const atRow = (row: number) => COUNT - 1 - row;

interface RowFacts {
  id: string;
  thumbnail: string | null;
  progress: string | null;
  dir: string;
}

describe.each(BROWSERS)('library triage in %s', (browserName) => {
  const suite = extensionSuite(browserName);

  it('has its thumbnail and its site’s icon once saved, and never asks the site for them again', async () => {
    const url = `${suite.server.origin}/library/raster-lead.html`;
    const tab = await suite.harness.open(url);
    const ext = await suite.harness.openExtensionPage('options.html');
    const saved = await value<{ id: string; images: { stored: number } }>(ext, 'articles.saveTab', {
      tabId: await suite.harness.tabIdOf(url),
    });
    expect(saved.images.stored).toBeGreaterThan(0);
    const after = suite.server.requests.length;
    const { pictures } = await value<{ pictures: { thumbnail: string | null; icon: string | null }[] }>(
      ext,
      'articles.pictures',
      { ids: [saved.id] },
    );
    expect(pictures[0]?.thumbnail).toMatch(/^data:image\/(webp|jpeg);base64,/);
    expect(pictures[0]?.icon).toMatch(/^data:image\/(webp|png);base64,/);
    expect(suite.server.requests.slice(after)).toEqual([]);
    await value(ext, 'articles.delete', { ids: [saved.id] });
    await ext.close();
    await tab.close();
  });

  it('shows thumbnails and progress for the articles that have them, and lays out Arabic right to left', async () => {
    const ext = await suite.harness.openExtensionPage('options.html');
    await importArticles(ext, ARTICLES);
    await ext.close();

    const library = await suite.harness.openExtensionPage('library.html');
    await library.waitFor(() => document.querySelectorAll('.entry').length >= 8);
    // The rows on the first screen, each with its picture once made and its progress.
    const rows = await library.waitFor((): RowFacts[] | null => {
      const entries = [...document.querySelectorAll<HTMLElement>('.entry')];
      const facts = entries.map((li) => ({
        id: li.dataset.id ?? '',
        thumbnail: li.querySelector('.entry__thumb img')?.getAttribute('src') ?? null,
        progress: li.querySelector('.entry__progress')?.textContent ?? null,
        dir: getComputedStyle(li).direction,
      }));
      const pictured = facts.filter((f) => f.thumbnail).length;
      return pictured >= 5 ? facts : null;
    });
    expect(rows?.length).toBeGreaterThanOrEqual(8);
    for (const row of rows ?? []) {
      const i = Number(row.id.replace('seed-', ''));
      if (hasPicture(i)) expect(row.thumbnail, row.id).toMatch(/^data:image\/(webp|jpeg);base64,/);
      else expect(row.thumbnail, row.id).toBeNull();
      const share = progress(i);
      expect(row.progress, row.id).toBe(share === null ? null : `${Math.round(share * 100)}% read`);
      expect(row.dir, row.id).toBe(isRtl(i) ? 'rtl' : 'ltr');
    }
    // A few kilobytes each, made once: asked again, the same picture comes back.
    const first = rows!.find((r) => r.thumbnail)!;
    expect(first.thumbnail!.length).toBeLessThan(16 * 1024 * 1.4);
    const again = await value<{ pictures: { id: string; thumbnail: string | null }[] }>(library, 'articles.pictures', {
      ids: [first.id],
    });
    expect(again.pictures[0]?.thumbnail).toBe(first.thumbnail);
    await library.screenshot(`out/screenshots/library-triage-${browserName}.png`);
    await library.close();
  });

  it('shows the bulk bar only while a row is selected', async () => {
    const library = await suite.harness.openExtensionPage('library.html');
    await library.waitFor(() => document.querySelectorAll('.entry').length >= 8);
    expect(await library.evaluate(() => document.querySelector('.bulk'))).toBeNull();
    await library.click(`.entry[data-id="seed-${atRow(2)}"] .entry__select`);
    await library.waitFor(() => document.querySelector('.bulk'));
    expect(await library.text('.bulk__count')).toBe('1 selected');
    await library.click(`.entry[data-id="seed-${atRow(2)}"] .entry__select`);
    await library.waitFor(() => !document.querySelector('.bulk'));
    await library.close();
  });

  it('draws the rows a fling brings into view as sketches, and whole once it stops', async () => {
    const library = await suite.harness.openExtensionPage('library.html');
    await library.waitFor(() => document.querySelectorAll('.entry').length >= 8);
    // A screenful a frame, as a fling: the most sketched rows seen in one frame.
    const sketched = (await library.evaluateScript(`new Promise((done) => {
      let most = 0;
      let frames = 0;
      const step = () => requestAnimationFrame(() => {
        most = Math.max(most, document.querySelectorAll('.entry--sketch').length);
        if (++frames > 8 || scrollY >= document.documentElement.scrollHeight - innerHeight - 1) return done(most);
        scrollBy({ top: innerHeight, behavior: 'instant' });
        step();
      });
      step();
    })`)) as number;
    expect(sketched).toBeGreaterThan(0);
    await library.waitFor(() => document.querySelectorAll('.entry--sketch').length === 0);
    const actions = await library.evaluate(() =>
      [...document.querySelectorAll('.entry')].map((row) => row.querySelectorAll('.row-action').length),
    );
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((count) => count === 4)).toBe(true);
    await library.close();
  });

  it('archives the second article with j j e, announced, and the keyboard stays on the list', async () => {
    const library = await suite.harness.openExtensionPage('library.html');
    await library.waitFor(() => document.querySelectorAll('.entry').length >= 8);
    const second = `seed-${atRow(1)}`;
    await library.press('j');
    await library.press('j');
    await library.waitFor((id) => document.activeElement?.closest('.entry')?.getAttribute('data-id') === id, second);
    await library.press('e');
    await library.waitFor((id) => !document.querySelector(`.entry[data-id="${id}"]`), second);
    const stored = await value<StoredArticle & { article: { isArchived: boolean } }>(library, 'articles.get', {
      id: second,
    });
    expect(stored.article.isArchived).toBe(true);
    for (const other of [atRow(0), atRow(2)]) {
      const article = await value<{ article: { isArchived: boolean } }>(library, 'articles.get', {
        id: `seed-${other}`,
      });
      expect(article.article.isArchived).toBe(false);
    }
    expect(await library.text('.library > [role="status"]')).toBe(`Archived: ${ARTICLES[atRow(1)]!.record.title}`);
    // The keyboard's row is the next article now; g a shows the archive with the archived one.
    await library.press('g');
    await library.press('a');
    await library.waitFor(
      (id) => document.querySelectorAll('.entry').length === 1 && document.querySelector(`.entry[data-id="${id}"]`),
      second,
    );
    await library.close();
  });

  it('has no axe-core violation in any theme, with the bulk bar shown', async () => {
    const library = await suite.harness.openExtensionPage('library.html');
    await library.waitFor(() => document.querySelectorAll('.entry .entry__thumb img').length >= 3);
    await library.click('.entry .entry__select');
    await library.waitFor(() => document.querySelector('.bulk'));
    for (const theme of ['light', 'sepia', 'dark', 'contrast']) {
      await library.evaluate(
        (name) =>
          chrome.storage.local.set({
            readerSettings: { value: { theme: name }, savedAt: Date.now() + 1000 },
          }),
        theme,
      );
      await library.waitFor((name) => document.documentElement.dataset.theme === name, theme);
      const axe = JSON.parse(
        (await library.evaluateScript(`${AXE_SOURCE};
          axe.run(document, { resultTypes: ['violations'] }).then((r) => JSON.stringify(
            r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }))))`)) as string,
      ) as { id: string; nodes: string[] }[];
      expect(axe, theme).toEqual([]);
      await library.screenshot(`out/screenshots/library-${theme}-${browserName}.png`);
    }
    await library.close();
  });
});
