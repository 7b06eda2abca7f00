/**
 * Subscribing to a filter list, in Chromium and Firefox: the list is served from 127.0.0.1 (a
 * test-only storage key points the list there; nothing is fetched from the internet), turned on
 * in settings, and its rules hide what they name on a page once Hide promos is on, never the
 * article, and the popup says so.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROWSERS, type TestPage } from './support/harness';
import { extensionSuite } from './support/extension-suite';

const SLUG = 'magazine-seed';
const LIST_ID = 'fanboy-annoyance';

function paragraphsOf(slug: string): string[] {
  return readFileSync(join(import.meta.dirname, '../fixtures/pages', slug, 'expected.txt'), 'utf8')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

function isShown(page: TestPage, selector: string): Promise<boolean> {
  return page.evaluate((s) => document.querySelector(s)?.checkVisibility() === true, selector);
}

describe.each(BROWSERS)('filter lists in %s', (browserName) => {
  const suite = extensionSuite(browserName);

  it('downloads a list the reader turns on and hides what it names, never the article', async () => {
    const listUrl = `${suite.server.origin}/assets/annoyance-list.txt`;
    const options = await suite.harness.openExtensionPage('options.html');
    await options.waitFor(
      () => document.querySelector(`input[name="filter-list-fanboy-annoyance"]`),
      undefined,
      15_000,
    );
    // Every list starts off.
    expect(
      await options.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLInputElement>('.filter-list input')).map((i) => i.checked),
      ),
    ).toEqual([false, false, false, false]);
    await options.evaluate(
      ({ id, url }) => {
        const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
        return api.storage.local.set({ 'filterLists.testUrls': { [id]: url } });
      },
      { id: LIST_ID, url: listUrl },
    );
    await options.reload();
    await options.waitFor(() => document.querySelector('.filter-list[data-list="fanboy-annoyance"]'));
    expect(await options.text('.filter-list[data-list="fanboy-annoyance"]')).toContain('127.0.0.1');

    await options.click(`input[name="filter-list-${LIST_ID}"]`);
    const status = await options.waitFor(() => {
      const text = document.querySelector<HTMLElement>('.filter-list[data-list="fanboy-annoyance"]')?.innerText ?? '';
      return /\d+ rules · updated/.test(text) ? text : null;
    });
    // The plain hide rules only: no scriptlet, procedural or :style rule.
    expect(status).toMatch(/\b4 rules · updated/);
    expect(suite.server.requests).toContain('/assets/annoyance-list.txt');
    await options.close();

    const page = await suite.harness.open(suite.server.pageUrl(SLUG));
    expect(await isShown(page, '.author-box')).toBe(true);
    expect(await isShown(page, '.cookie-banner')).toBe(true);
    const tabId = await suite.harness.tabIdOf(suite.server.pageUrl(SLUG));
    const popup = await suite.harness.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.waitFor(() => document.querySelector('.page-clutter input[name="hide-promos"]'));
    await popup.click('.page-clutter input[name="hide-promos"]');

    await page.waitFor(() => document.querySelector('.author-box')?.checkVisibility() === false);
    expect(await isShown(page, '.cookie-banner')).toBe(false);
    // The exception for this host keeps the tags; the guard keeps the article the list names.
    expect(await isShown(page, '.entry-tags')).toBe(true);
    expect(await isShown(page, '.entry-content')).toBe(true);
    expect(await isShown(page, '.site-header')).toBe(true);
    const missing = await page.evaluate((list) => {
      const rendered = document.body.innerText.replace(/\s+/g, ' ');
      return list.filter((p) => !rendered.includes(p));
    }, paragraphsOf(SLUG));
    expect(missing).toEqual([]);

    const summary = await popup.waitFor(() => {
      const line = document.querySelector<HTMLElement>('.page-clutter__summary')?.innerText ?? '';
      return /by your filter lists/.test(line) ? line : null;
    });
    expect(summary).toMatch(/^Hidden: \d+ promos \(\d+ by your filter lists\)$/);

    // Promos off shows what the list hid again.
    await popup.click('.page-clutter input[name="hide-promos"]');
    await page.waitFor(() => document.querySelector('.author-box')?.checkVisibility() === true);
    await popup.close();
    await page.close();
  });
});
