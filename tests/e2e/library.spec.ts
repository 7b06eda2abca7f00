/**
 * The library end to end, in Chromium and Firefox: save the demo article from the popup → it is
 * in the library → it opens in the reader and reads completely with the network down, images
 * included → the reading position comes back → archive export and import without loss → delete
 * and undo from the library page.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, type TestPage } from './support/harness';
import { extensionSuite } from './support/extension-suite';
import { call, storedImageData, value, type StoredArticle } from './support/library-messages';

const TITLE = 'Russia’s border regions brace for American missiles';

/** Shows every image of the article (lazy ones load when near the view) and reports them. */
async function showEveryImage(page: TestPage): Promise<string[]> {
  const sources = await page.waitFor(async () => {
    const images = [...document.querySelectorAll<HTMLImageElement>('.article img')];
    for (const img of images) {
      img.scrollIntoView();
      await img.decode().catch(() => undefined);
    }
    window.scrollTo(0, 0);
    if (!images.every((img) => img.complete && img.naturalWidth > 0)) return null;
    return images.map((img) => img.getAttribute('src') ?? '');
  });
  return sources ?? [];
}

/** The reader's article text, one string with single spaces. */
function readerText(page: TestPage): Promise<string> {
  return page.evaluate(() => (document.querySelector('.article') as HTMLElement).innerText.replace(/\s+/g, ' '));
}

function blocksOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((b) => b.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

describe.each(BROWSERS)('library in %s', (browserName) => {
  const suite = extensionSuite(browserName);
  let savedId = '';
  let stored: StoredArticle;

  it('saves the demo article from the popup, with its images', async () => {
    const url = suite.server.pageUrl('magazine-seed');
    const article = await suite.harness.open(url);
    const popup = await suite.harness.openExtensionPage(`popup.html?tabId=${await suite.harness.tabIdOf(url)}`);
    await popup.waitFor(() => document.querySelector<HTMLButtonElement>('.action--save:not(:disabled)'));
    expect(await popup.text('.action--save')).toBe('Save for offline');
    await popup.click('.action--save');
    await popup.waitFor(() => document.querySelector('.action--saved'));
    expect(await popup.text('.action--saved')).toBe('Saved');
    expect(await popup.text('.save-note')).toContain(`Saved to your library: ${TITLE}`);
    await popup.screenshot(`out/screenshots/popup-saved-${browserName}.png`);

    const found = await value<{ id: string; images: { total: number; stored: number } } | null>(
      popup,
      'articles.lookup',
      { url },
    );
    expect(found).not.toBeNull();
    savedId = found!.id;
    // Every picture the article shows (its lead image at least) is stored for offline reading.
    expect(found!.images.total).toBeGreaterThan(0);
    expect(found!.images.stored).toBe(found!.images.total);
    stored = await value<StoredArticle>(popup, 'articles.get', { id: savedId });
    expect(stored.text).toContain('Belgorod');
    expect(stored.html).not.toMatch(/<script|onerror=/i);

    // Opened again on the same page, the popup knows it is saved.
    await popup.reload();
    await popup.waitFor(() => document.querySelector('.action--saved'));
    await popup.close();
    await article.close();
  });

  it('lists it in the library', async () => {
    const library = await suite.harness.openExtensionPage('library.html');
    await library.waitFor(() => document.querySelectorAll('.entry__title').length === 1);
    expect(await library.text('.entry__title')).toBe(TITLE);
    // The site's name, after its icon (here its first letter: the fixture site has no icon).
    expect(await library.text('.entry__site')).toMatch(/^T\s+The Spectator$/);
    expect(await library.text('.entry__meta')).toMatch(/min read/);
    expect(await library.text('[data-testid="storage"]')).toMatch(/^1 article · /);
    await library.screenshot(`out/screenshots/library-${browserName}.png`);
    await library.close();
  });

  it('opens it in the reader from the library, reading completely from the database', async () => {
    const library = await suite.harness.openExtensionPage('library.html');
    await library.waitFor(() => document.querySelector('.entry__title'));
    const before = suite.server.requests.length;
    await library.click('.entry__title');
    await library.waitFor(
      () => location.pathname.endsWith('/reader.html') && document.querySelector('.article__body p'),
    );
    expect(await library.text('h1')).toBe(TITLE);
    const sources = await showEveryImage(library);
    // The lead image and every picture of the body, each from the stored bytes.
    expect(sources.length).toBe(stored.storedImages.length);
    expect(sources.every((src) => src.startsWith('data:image/'))).toBe(true);
    const text = await readerText(library);
    for (const block of blocksOf(stored.text)) expect(text).toContain(block);
    // Nothing was asked of the site while reading the saved copy.
    expect(suite.server.requests.slice(before)).toEqual([]);
    await library.close();
  });

  it('reads completely with the network down, images included', async () => {
    await suite.server.close();
    const reader = await suite.harness.openExtensionPage(`reader.html?id=${encodeURIComponent(savedId)}`);
    await reader.waitFor(() => document.querySelector('.article__body p'));
    const sources = await showEveryImage(reader);
    expect(sources.length).toBe(stored.storedImages.length);
    const text = await readerText(reader);
    for (const block of blocksOf(stored.text)) expect(text).toContain(block);
    await reader.screenshot(`out/screenshots/reader-saved-${browserName}.png`);
    await reader.close();
  });

  it('comes back to where the reader left off, and marks the article read at its end', async () => {
    const path = `reader.html?id=${encodeURIComponent(savedId)}`;
    const reader = await suite.harness.openExtensionPage(path);
    // Shown (the page waits for the reading settings), and fonts laid out.
    await reader.waitFor(async () => {
      await document.fonts.ready;
      return document.querySelector('.page-root:not([hidden]) .article__body p');
    });
    const left = await reader.evaluate(() => {
      const paragraphs = [...document.querySelectorAll('.article__body p')];
      paragraphs[Math.floor(paragraphs.length / 2)]!.scrollIntoView({ block: 'start', behavior: 'instant' });
      return window.scrollY;
    });
    expect(left).toBeGreaterThan(300);
    await reader.waitFor(async (id) => {
      const api = (globalThis as unknown as { chrome: typeof chrome }).chrome;
      const reply = (await api.runtime.sendMessage({
        channel: 'tidy-reader',
        to: 'background',
        type: 'articles.get',
        req: { id },
      })) as { value: StoredArticle };
      return (reply.value.article.position?.progress ?? 0) > 0.2;
    }, savedId);
    expect((await value<StoredArticle>(reader, 'articles.get', { id: savedId })).article.isRead).toBe(false);
    await reader.close();

    // Opened again, the reader lands on the block that was being read (within a block's height).
    const again = await suite.harness.openExtensionPage(path);
    const back = await again.waitFor(() => document.querySelector('.article__body p') && window.scrollY);
    expect(Math.abs((back ?? 0) - left)).toBeLessThan(400);

    await again.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
    await again.waitFor(async (id) => {
      const api = (globalThis as unknown as { chrome: typeof chrome }).chrome;
      const reply = (await api.runtime.sendMessage({
        channel: 'tidy-reader',
        to: 'background',
        type: 'articles.get',
        req: { id },
      })) as { value: StoredArticle };
      return reply.value.article.isRead;
    }, savedId);
    await again.close();
  });

  it('exports the library archive and imports it back without loss', async () => {
    const ext = await suite.harness.openExtensionPage('options.html');
    const before = await value<StoredArticle>(ext, 'articles.get', { id: savedId });
    const imagesBefore = await storedImageData(ext, savedId, before.storedImages);
    expect(Object.keys(imagesBefore)).toHaveLength(before.storedImages.length);
    const info = await value<{ transferId: string; size: number; fileName: string }>(ext, 'articles.export', {
      ids: null,
      format: 'archive',
    });
    expect(info.fileName).toMatch(/^tidy-reader-library-\d{4}-\d{2}-\d{2}\.zip$/);
    const chunk = await value<{ data: string }>(ext, 'transfer.read', {
      transferId: info.transferId,
      offset: 0,
      length: info.size,
    });
    await value(ext, 'transfer.close', { transferId: info.transferId });

    await value(ext, 'articles.delete', { ids: [savedId] });
    expect((await call(ext, 'articles.get', { id: savedId })).ok).toBe(false);

    const { transferId } = await value<{ transferId: string }>(ext, 'transfer.open', { size: info.size });
    await value(ext, 'transfer.write', { transferId, offset: 0, data: chunk.data });
    const summary = await value(ext, 'articles.import', { transferId });
    expect(summary).toEqual({ kind: 'archive', added: 1, updated: 0, skipped: 0 });
    const after = await value<StoredArticle>(ext, 'articles.get', { id: savedId });
    expect(after).toEqual(before);
    expect(await storedImageData(ext, savedId, after.storedImages)).toEqual(imagesBefore);

    // A foreign file is refused with a clear message and changes nothing.
    const bad = await value<{ transferId: string }>(ext, 'transfer.open', { size: 4 });
    await value(ext, 'transfer.write', { transferId: bad.transferId, offset: 0, data: btoa('oops') });
    const refused = await call(ext, 'articles.import', { transferId: bad.transferId });
    expect(refused.ok).toBe(false);
    expect(refused.error?.message).toMatch(/cannot read this file/);
    expect((await value<{ libraryCount: number }>(ext, 'articles.list', {})).libraryCount).toBe(1);
    await ext.close();
  });

  it('finds the article by a word of its body', async () => {
    const library = await suite.harness.openExtensionPage('library.html');
    await library.waitFor(() => document.querySelector('.entry__title'));
    await library.click('input[type="search"]');
    for (const key of 'belgorod') await library.press(key);
    await library.waitFor(
      () =>
        document.querySelector('.library__count')?.textContent === '1 article' &&
        document.querySelectorAll('.entry').length === 1,
    );
    for (const key of 'zzz') await library.press(key);
    await library.waitFor(
      () =>
        document.querySelector('.library__count')?.textContent === '0 articles' &&
        document.querySelectorAll('.entry').length === 0,
    );
    await library.close();
  });

  it('deletes from the library page, and Undo brings the article back', async () => {
    const library = await suite.harness.openExtensionPage('library.html');
    await library.waitFor(() => document.querySelector('.entry__select'));
    await library.click('.entry__select');
    await library.click('.bulk .button--danger');
    await library.waitFor(
      () => document.querySelectorAll('.entry').length === 0 && document.querySelector('.notice button'),
    );
    expect(await library.text('.notice')).toContain('Deleted 1 article.');
    await library.click('.notice button');
    await library.waitFor(() => document.querySelectorAll('.entry').length === 1);
    expect(await library.text('.entry__title')).toBe(TITLE);
    const reader = await suite.harness.openExtensionPage(`reader.html?id=${encodeURIComponent(savedId)}`);
    await reader.waitFor(() => document.querySelector('.article__body p'));
    await reader.close();

    // Deleted for good, from the row's own button, while a reader still has its address: the reader says so.
    await library.click('.entry .row-action--danger');
    await library.waitFor(() => document.querySelectorAll('.entry').length === 0);
    const gone = await suite.harness.openExtensionPage(`reader.html?id=${encodeURIComponent(savedId)}`);
    await gone.waitFor(() => /Not in your library/.test(document.querySelector('h1')?.textContent ?? ''));
    await gone.close();
    await library.close();
  });
});
