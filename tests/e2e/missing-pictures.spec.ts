/**
 * A saved article whose picture was never stored, in Chromium and Firefox: with the picture's
 * server down, the reader shows a quiet frame with the picture's description instead of a broken
 * image → once the server is back, the frame's "Download missing images" stores the picture and
 * shows it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { BROWSERS } from './support/harness';
import { extensionSuite } from './support/extension-suite';
import { value, type StoredArticle } from './support/library-messages';
import { gradientPng, importArticles, syntheticArticles } from './support/library-seed';

const PICTURE = gradientPng(120, 80, 40);

/** The pictures' own server, stopped and started by the test (the network to it going and coming). */
function pictureServer() {
  let server: Server | null = null;
  let port = 0;
  const start = () =>
    new Promise<void>((ok) => {
      server = createServer((req, res) => {
        if (req.url === '/harbour.png') res.writeHead(200, { 'content-type': 'image/png' }).end(PICTURE);
        else res.writeHead(404).end();
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as AddressInfo).port;
        ok();
      });
    });
  const stop = () =>
    new Promise<void>((ok) => {
      if (!server) return ok();
      server.close(() => ok());
      server.closeAllConnections();
      server = null;
    });
  return { start, stop, url: (path: string) => `http://127.0.0.1:${port}${path}` };
}

describe.each(BROWSERS)('missing pictures in %s', (browserName) => {
  const suite = extensionSuite(browserName);
  const pictures = pictureServer();
  afterAll(() => pictures.stop());

  it('frames a picture never stored with its description, and downloads it once its server is back', async () => {
    // A port of its own, then down: the article names pictures on a server that does not answer.
    await pictures.start();
    await pictures.stop();
    const harbour = pictures.url('/harbour.png');
    const nameless = pictures.url('/nameless.png');
    const [article] = syntheticArticles(1, { hasPicture: () => false, progress: () => null });
    article!.record.id = 'missing-pictures';
    article!.content = {
      id: 'missing-pictures',
      html:
        `<p>Before the pictures.</p><figure><img src="${harbour}" alt="The harbour at dawn"><figcaption>Dawn</figcaption></figure>` +
        `<p>Between them.</p><p><img src="${nameless}"></p><p>After them.</p>`,
      text: 'Before the pictures.\n\nDawn\n\nBetween them.\n\nAfter them.',
      imageUrls: [harbour, nameless],
    };
    const ext = await suite.harness.openExtensionPage('options.html');
    await importArticles(ext, [article!]);
    const saved = await value<StoredArticle>(ext, 'articles.get', { id: 'missing-pictures' });
    expect(saved.storedImages).toEqual([]);

    const reader = await suite.harness.openExtensionPage('reader.html?id=missing-pictures');
    const frames = await reader.waitFor(() => {
      const labels = [...document.querySelectorAll('.picture-missing [role="img"]')].map((el) =>
        el.getAttribute('aria-label'),
      );
      return labels.length === 2 ? labels : null;
    });
    expect(frames).toEqual(['The harbour at dawn', 'Picture not available']);
    // No broken-image icon: every picture that did not load is hidden behind its frame.
    expect(
      await reader.evaluate(() =>
        [...document.querySelectorAll<HTMLImageElement>('.article img')].every(
          (img) => img.getClientRects().length === 0 || (img.complete && img.naturalWidth > 0),
        ),
      ),
    ).toBe(true);
    // The frame shows the description (CSS content) and leaves the article's text as it was.
    expect(await reader.evaluate(() => document.querySelector('.article__body')!.textContent)).toBe(
      'Before the pictures.DawnBetween them.After them.',
    );
    await reader.screenshot(`out/screenshots/missing-picture-${browserName}.png`, '.picture-missing');

    await pictures.start();
    await reader.click('.picture-missing__download');
    const shown = await reader.waitFor(() => {
      const img = document.querySelector<HTMLImageElement>('.article img[alt="The harbour at dawn"]');
      return img && !img.hidden && img.complete && img.naturalWidth === 120 ? img.getAttribute('src') : null;
    });
    expect(shown).toMatch(/^data:image\/png;base64,/);
    // The nameless picture is not on the server: its frame stays and says so.
    const note = await reader.waitFor(() => document.querySelector<HTMLElement>('.picture-missing')?.dataset.note);
    expect(note).toBe('The picture could not be downloaded. Try again when you are online.');
    expect(await reader.evaluate(() => document.querySelectorAll('.picture-missing').length)).toBe(1);
    expect((await value<StoredArticle>(ext, 'articles.get', { id: 'missing-pictures' })).storedImages).toEqual([
      harbour,
    ]);
    await reader.close();
    await ext.close();
  });
});
