/**
 * The library's first page as the background keeps it in storage.session, for a page opened while
 * the background sleeps: kept once the list was read, gone when the library changes, made again
 * once writes rest, and never what a page shows once the background's answer is in.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, type TestPage } from './support/harness';
import { extensionSuite } from './support/extension-suite';
import { value } from './support/library-messages';

/** The ids of the kept first page's rows, or null when none is kept. */
function keptIds(page: TestPage): Promise<string[] | null> {
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    const stored = (await api.storage.session.get('library.firstPage'))['library.firstPage'] as
      { result: { items: { id: string }[] } } | undefined;
    return stored ? stored.result.items.map((item) => item.id) : null;
  }, undefined);
}

const rowIds = (page: TestPage) =>
  page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.entry')].map((row) => row.dataset.id ?? ''));

describe.each(BROWSERS)('the kept first page in %s', (browserName) => {
  const suite = extensionSuite(browserName);

  it('is kept once listed, gone at a change, made again, and replaced by the answer on the page', async () => {
    const ext = await suite.harness.openExtensionPage('options.html');
    const save = (path: string) =>
      value<{ id: string }>(ext, 'articles.saveUrl', { url: `${suite.server.origin}${path}` });
    const older = await save('/library/relative-images.html');
    const newer = await save('/library/relative-images.html?edition=2');

    const library = await suite.harness.openExtensionPage('library.html');
    await library.waitFor((n) => document.querySelectorAll('.entry').length === n, 2, 20_000);
    await expect.poll(() => keptIds(ext), { timeout: 10_000 }).toEqual([newer.id, older.id]);
    await library.close();

    // Archived: out of the reading list, and out of the kept page before the change is answered.
    await value(ext, 'articles.update', { ids: [newer.id], change: { isArchived: true } });
    await expect.poll(() => keptIds(ext), { timeout: 2_000 }).not.toEqual([newer.id, older.id]);
    const reopened = await suite.harness.openExtensionPage('library.html');
    await expect.poll(() => rowIds(reopened), { timeout: 10_000 }).toEqual([older.id]);
    await reopened.close();
    // Made again once the writes rest, from the library as it is now.
    await expect.poll(() => keptIds(ext), { timeout: 10_000 }).toEqual([older.id]);
    await ext.close();
  });
});
