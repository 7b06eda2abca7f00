import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launchExtension, type Harness, type TestPage } from './support/harness';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';

/** Sends one protocol message from an extension page, as the extension's own pages do. */
function call<T>(
  page: TestPage,
  type: string,
  req: unknown,
): Promise<{ ok: boolean; value: T; error?: { message: string } }> {
  return page.evaluate(
    ([t, r]) => chrome.runtime.sendMessage({ channel: 'tidy-reader', to: 'background', type: t, req: r }),
    [type, req] as const,
  ) as Promise<{ ok: boolean; value: T; error?: { message: string } }>;
}

async function value<T>(page: TestPage, type: string, req: unknown): Promise<T> {
  const reply = await call<T>(page, type, req);
  if (!reply.ok) throw new Error(`${type} failed: ${reply.error?.message}`);
  return reply.value;
}

const TITLE = 'Russia’s border regions brace for American missiles';

describe.each(BROWSERS)('library in %s', (browserName) => {
  let harness: Harness;
  let server: FixtureServer;
  let savedId = '';

  beforeAll(async () => {
    server = await startFixtureServer();
    harness = await launchExtension(browserName);
  });

  afterAll(async () => {
    await harness?.close();
    await server?.close();
  });

  it('saves the demo article with its images, and it appears in the library', async () => {
    const article = await harness.open(server.pageUrl('magazine-seed'));
    const tabId = await harness.tabIdOf(server.pageUrl('magazine-seed'));
    const ext = await harness.openExtensionPage('options.html');
    const saved = await value<{
      id: string;
      title: string;
      images: { total: number; stored: number };
      imagesKept: null;
    }>(ext, 'articles.saveTab', { tabId });
    savedId = saved.id;
    expect(saved.title).toBe(TITLE);
    // Every image the saved article uses is stored (the fixture server is reachable).
    expect(saved.images).toEqual({ total: saved.images.total, stored: saved.images.total });
    expect(saved.imagesKept).toBeNull();
    // Saving again updates the same entry.
    const again = await value<{ id: string; isNew: boolean }>(ext, 'articles.saveTab', { tabId });
    expect(again).toMatchObject({ id: saved.id, isNew: false });

    const stored = await value<{ html: string; text: string; storedImages: string[] }>(ext, 'articles.get', {
      id: saved.id,
    });
    expect(stored.text).toContain('Belgorod');
    expect(stored.html).not.toMatch(/<script|onerror=/i);
    for (const url of stored.storedImages) {
      const image = await value<{ dataUrl: string }>(ext, 'articles.image', { id: saved.id, url });
      expect(image.dataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    }
    await ext.close();
    await article.close();

    const library = await harness.openExtensionPage('library.html');
    await library.waitFor(() => document.querySelectorAll('.entry__title').length === 1);
    expect(await library.text('.entry__title')).toBe(TITLE);
    expect(await library.text('.entry__meta')).toMatch(/The Spectator[\s\S]*min read/);
    expect(await library.text('[data-testid="storage"]')).toMatch(/^1 articles · /);
    await library.screenshot(`out/screenshots/library-${browserName}.png`);
    await library.close();
  });

  it('finds the article by a word of its body', async () => {
    const library = await harness.openExtensionPage('library.html');
    await library.waitFor(() => document.querySelector('.entry__title'));
    await library.click('input[type="search"]');
    for (const key of 'belgorod') await library.press(key);
    await library.waitFor(() => /Showing 1 of 1/.test(document.querySelector('.library__count')?.textContent ?? ''));
    for (const key of 'zzz') await library.press(key);
    await library.waitFor(() => /Showing 0 of 0/.test(document.querySelector('.library__count')?.textContent ?? ''));
    await library.close();
  });

  it('deletes from the library page, and Undo brings the article back', async () => {
    const library = await harness.openExtensionPage('library.html');
    await library.waitFor(() => document.querySelector('.entry__select'));
    await library.click('.entry__select');
    await library.click('.button--danger');
    await library.waitFor(
      () => document.querySelectorAll('.entry').length === 0 && document.querySelector('.notice button'),
    );
    expect(await library.text('.notice')).toContain('Deleted 1 articles.');
    await library.click('.notice button');
    await library.waitFor(() => document.querySelectorAll('.entry').length === 1);
    expect(await library.text('.entry__title')).toBe(TITLE);
    await library.close();
  });

  it('exports the library archive and imports it back without loss', async () => {
    const ext = await harness.openExtensionPage('options.html');
    const before = await value<Record<string, unknown>>(ext, 'articles.get', { id: savedId });
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
    const after = await value<Record<string, unknown>>(ext, 'articles.get', { id: savedId });
    expect(after).toEqual(before);

    // A foreign file is refused with a clear message and changes nothing.
    const bad = await value<{ transferId: string }>(ext, 'transfer.open', { size: 4 });
    await value(ext, 'transfer.write', { transferId: bad.transferId, offset: 0, data: btoa('oops') });
    const refused = await call(ext, 'articles.import', { transferId: bad.transferId });
    expect(refused.ok).toBe(false);
    expect(refused.error?.message).toMatch(/cannot read this file/);
    expect((await value<{ libraryCount: number }>(ext, 'articles.list', {})).libraryCount).toBe(1);
    await ext.close();
  });
});
