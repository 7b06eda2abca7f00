/**
 * An embedded video is the same card in the saved copy and in every export (HTML, EPUB, Markdown),
 * a body stored under an older policy (with a player's frame) included.
 */
import { EpubCheck } from '@likecoin/epubcheck-ts';
import { strFromU8, unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { ExportRequest } from '../../../src/shared/messaging/library-protocol';
import { article, librariesClosedAfterEach, type Library } from './support';

const CARD =
  '<a class="media-card" href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" rel="noopener noreferrer"><span>The harbour debate</span> <small>YouTube</small></a>';

const BODY =
  '<p>The council met on Tuesday.</p>' +
  '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="The harbour debate" allowfullscreen></iframe>' +
  '<iframe src="https://tracker.example/frame"></iframe>' +
  '<p>The vote was nine to four.</p>';

const openLibrary = librariesClosedAfterEach();

async function savedWithVideo() {
  const lib = openLibrary();
  const saved = await lib.service.saveExtracted(article({ html: BODY }), null, 'page');
  return { lib, id: saved.id };
}

async function exportOf(lib: Library, req: ExportRequest): Promise<Uint8Array> {
  return new Uint8Array(await (await lib.exchange.exportArticles(req)).blob.arrayBuffer());
}

describe('an embedded video in the library', () => {
  it('is stored as a card: no frame, the other frames gone', async () => {
    const { lib, id } = await savedWithVideo();
    const { html } = await lib.service.get(id);
    expect(html).toContain(CARD);
    expect(html).not.toMatch(/<iframe|tracker\.example/);
  });

  describe('in the exports, of a body stored with the player itself', () => {
    async function storedUnderOldPolicy() {
      const { lib, id } = await savedWithVideo();
      // What saving kept before the one policy: the player's frame.
      await lib.db.contents.update(id, { html: BODY });
      return { lib, id };
    }

    it('HTML: the card, and a CSP that allows no frame and no media', async () => {
      const { lib, id } = await storedUnderOldPolicy();
      const html = strFromU8(await exportOf(lib, { ids: [id], format: 'html' }));
      expect(html).toContain(CARD);
      expect(html).not.toMatch(/<iframe|tracker\.example/);
      expect(html).toContain("frame-src 'none'; media-src 'none'");
      const doc = new JSDOM(html).window.document;
      expect(doc.querySelector('a.media-card small')?.textContent).toBe('YouTube');
    });

    it('EPUB: the card in a chapter that is still valid EPUB 3', async () => {
      const { lib, id } = await storedUnderOldPolicy();
      const bytes = await exportOf(lib, { ids: [id], format: 'epub' });
      const chapter = strFromU8(unzipSync(bytes)['OEBPS/chapter-1.xhtml']!);
      expect(chapter).toContain(
        '<a class="media-card" href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"><span>The harbour debate</span> <small>YouTube</small></a>',
      );
      expect(chapter).not.toMatch(/<iframe|tracker\.example/);
      const report = await EpubCheck.validate(bytes);
      expect(report.messages.filter((m) => m.severity !== 'info' && m.severity !== 'usage')).toEqual([]);
    });

    it('Markdown: a link with the title and the provider', async () => {
      const { lib, id } = await storedUnderOldPolicy();
      const markdown = strFromU8(await exportOf(lib, { ids: [id], format: 'markdown', markdownImages: 'links' }));
      expect(markdown).toContain(
        'The council met on Tuesday.\n\n[The harbour debate (YouTube)](https://www.youtube.com/watch?v=dQw4w9WgXcQ)\n\nThe vote was nine to four.',
      );
      expect(markdown).not.toMatch(/youtube-nocookie|tracker\.example/);
    });
  });
});
