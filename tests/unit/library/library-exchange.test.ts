import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { EpubCheck } from '@likecoin/epubcheck-ts';
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportRequest } from '../../../src/shared/messaging/library-protocol';
import { article, setupLibrary } from './support';

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});

/** An export as the page receives it: the background hands it over as a Blob. */
async function exportFile(exchange: ReturnType<typeof setupLibrary>['exchange'], req: ExportRequest) {
  const file = await exchange.exportArticles(req);
  return { ...file, bytes: new Uint8Array(await file.blob.arrayBuffer()) };
}

function setup(options?: Parameters<typeof setupLibrary>[0]) {
  const lib = setupLibrary(options);
  cleanups.push(() => {
    lib.db.close();
  });
  return lib;
}

async function seeded() {
  const lib = setup({ reachable: ['https://news.example', 'https://cdn.example', 'https://elsewhere.example'] });
  const a = await lib.service.saveExtracted(article(), 'https://news.example/border', 'page');
  const b = await lib.service.saveExtracted(
    article({
      url: 'https://other.example/garden',
      title: 'Winter gardening: “frost” & roses',
      lang: 'fr',
      pageType: 'discussion',
      html: '<p>Frost and <em>roses</em>.</p><pre><code>a &lt; b</code></pre><table><tr><td>1</td></tr></table>',
      text: 'Frost and roses.',
    }),
    null,
    'page',
  );
  await lib.service.saveUrl('https://links.example/later', 'Read later');
  await lib.service.update([a.id], {
    addTags: ['war', 'long read'],
    isFavorite: true,
    position: { progress: 0.4, block: 7 },
  });
  await lib.service.update([b.id], { isRead: true, isArchived: true });
  return { ...lib, a, b };
}

/** Everything stored about every article: records, bodies and image bytes. */
async function snapshot(lib: ReturnType<typeof setupLibrary>) {
  const records = (await lib.db.articles.orderBy('id').toArray()).map(({ revision: _r, ...r }) => r);
  const contents = await lib.db.contents.orderBy('id').toArray();
  const images = await Promise.all(
    (await lib.db.images.toArray())
      .sort((x, y) => (x.articleId + x.url).localeCompare(y.articleId + y.url))
      .map(async (i) => ({
        articleId: i.articleId,
        url: i.url,
        type: i.blob.type,
        bytes: [...new Uint8Array(await i.blob.arrayBuffer())],
      })),
  );
  return { records, contents, images };
}

describe('library archive', () => {
  it('round-trips the whole library losslessly: every field and every image byte', async () => {
    const source = await seeded();
    const file = await exportFile(source.exchange, { ids: null, format: 'archive' });
    expect(file).toMatchObject({ fileName: 'tidy-reader-library-2024-12-01.zip', mimeType: 'application/zip' });

    const target = setup();
    const summary = await target.exchange.importFile(file.bytes);
    expect(summary).toEqual({ kind: 'archive', added: 3, updated: 0, skipped: 0 });
    const [before, after] = [await snapshot(source), await snapshot(target)];
    expect(after.records).toEqual(before.records);
    expect(after.contents).toEqual(before.contents);
    expect(after.images).toEqual(before.images);
    expect(before.images.length).toBe(3);
    expect(before.records.map((r) => r.pageType).sort()).toEqual(['article', 'discussion', undefined]);
    // And the imported library is searchable.
    expect((await target.service.list({ search: 'shelters' })).total).toBe(1);

    // Importing the same archive again updates instead of duplicating.
    expect(await target.exchange.importFile(file.bytes)).toMatchObject({ added: 0, updated: 3 });
    expect(await target.db.articles.count()).toBe(3);
  });

  it('rejects a corrupt or foreign file with a clear message and changes nothing', async () => {
    const lib = await seeded();
    const before = await snapshot(lib);
    const good = unzipSync((await exportFile(lib.exchange, { ids: null, format: 'archive' })).bytes);
    const manifest = JSON.parse(strFromU8(good['tidy-reader-library.json']!));
    manifest.articles[1].record.savedAt = 'yesterday';
    const tampered = zipSync({ ...good, 'tidy-reader-library.json': strToU8(JSON.stringify(manifest)) });
    const missingImage = zipSync({ 'tidy-reader-library.json': good['tidy-reader-library.json']! });

    const cases: [Uint8Array, RegExp][] = [
      [new Uint8Array(), /empty/],
      [strToU8('%PDF-1.7 binary'), /cannot read this file/],
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /damaged/],
      [zipSync({ 'notes.txt': strToU8('hello') }), /cannot read this file/],
      [tampered, /article 2 has an invalid "savedAt"/],
      [missingImage, /image images\/1\.\w+ is missing/],
      [strToU8('<html><body><p>Just a page</p></body></html>'), /cannot read this file/],
      [strToU8('name,email\nx,y\n'), /cannot read this file/],
    ];
    for (const [bytes, message] of cases) {
      await expect(lib.exchange.importFile(bytes)).rejects.toThrow(message);
    }
    expect(await snapshot(lib)).toEqual(before);
  });
});

describe('exports', () => {
  it('writes valid EPUB 3 for a selection, with a table of contents and the stored images', async () => {
    const lib = await seeded();
    const file = await exportFile(lib.exchange, { ids: [lib.a.id, lib.b.id], format: 'epub' });
    expect(file.fileName).toBe('tidy-reader-articles-2024-12-01.epub');

    // The container rules: `mimetype` first, stored (method 0), no extra field.
    const view = new DataView(file.bytes.buffer, file.bytes.byteOffset);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(8, true)).toBe(0);
    const nameLength = view.getUint16(26, true);
    expect(view.getUint16(28, true)).toBe(0);
    expect(strFromU8(file.bytes.subarray(30, 30 + nameLength))).toBe('mimetype');
    expect(strFromU8(file.bytes.subarray(30 + nameLength, 30 + nameLength + 20))).toBe('application/epub+zip');

    const files = unzipSync(file.bytes);
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        'META-INF/container.xml',
        'OEBPS/content.opf',
        'OEBPS/nav.xhtml',
        'OEBPS/chapter-1.xhtml',
        'OEBPS/chapter-2.xhtml',
      ]),
    );
    const nav = strFromU8(files['OEBPS/nav.xhtml']!);
    expect(nav).toContain('<a href="chapter-1.xhtml">Border regions brace for missiles</a>');
    expect(nav).toContain('Winter gardening: “frost” &amp; roses');
    const chapter1 = strFromU8(files['OEBPS/chapter-1.xhtml']!);
    expect(chapter1).toContain('<img src="images/1.png" alt="A launcher" />');
    expect(Object.keys(files).filter((f) => f.startsWith('OEBPS/images/'))).toHaveLength(3);

    const report = await EpubCheck.validate(file.bytes);
    const problems = report.messages.filter(
      (m) => m.severity === 'error' || m.severity === 'fatal' || m.severity === 'warning',
    );
    expect(problems).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it('writes one article as Markdown with front matter, images as files or links', async () => {
    const lib = await seeded();
    const links = await exportFile(lib.exchange, { ids: [lib.a.id], format: 'markdown', markdownImages: 'links' });
    expect(links.fileName).toBe('border-regions-brace-for-missiles.md');
    const md = strFromU8(links.bytes);
    expect(md).toMatch(/^---\ntitle: "Border regions brace for missiles"\nauthor: "Katya Ivanova"\n/);
    expect(md).toContain('tags: ["long read", "war"]');
    expect(md).toContain('## Shelters');
    expect(md).toContain('![A launcher](https://news.example/img/lead.png)');

    const zip = await exportFile(lib.exchange, { ids: [lib.a.id], format: 'markdown', markdownImages: 'files' });
    const files = unzipSync(zip.bytes);
    const index = strFromU8(files['border-regions-brace-for-missiles/index.md']!);
    expect(index).toContain('![A launcher](images/1.png)');
    expect(files['border-regions-brace-for-missiles/images/1.png']).toBeTruthy();
  });

  it('writes self-contained HTML with images as data URIs and no way to run scripts', async () => {
    const lib = await seeded();
    const file = await exportFile(lib.exchange, { ids: [lib.a.id, lib.b.id], format: 'html' });
    const html = strFromU8(file.bytes);
    expect(html).toContain('<img src="data:image/png;base64,');
    expect(html).not.toContain('src="https://news.example/img/lead.png"');
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('<a href="#article-2">Winter gardening: “frost” &amp; roses</a>');
    expect(html).not.toMatch(/<script/i);
  });
});

describe('exports of a record with a hostile text direction', () => {
  // The engine only ever gives 'ltr', 'rtl' or null, and the archive import checks it; the export
  // writers escape it anyway, like every other value they write.
  const DIR = 'rtl" onload="x';

  async function hostile() {
    const lib = setup({ reachable: ['https://news.example', 'https://cdn.example'] });
    const saved = await lib.service.saveExtracted(article({ dir: DIR as 'rtl' }), null, 'page');
    return { lib, id: saved.id };
  }

  it('keeps it an attribute value in HTML', async () => {
    const { lib, id } = await hostile();
    const html = strFromU8((await exportFile(lib.exchange, { ids: [id], format: 'html' })).bytes);
    expect(html).toContain('dir="rtl&quot; onload=&quot;x"');
    const doc = new JSDOM(html).window.document;
    expect(doc.querySelector('article')?.getAttribute('dir')).toBe(DIR);
    expect(doc.querySelector('[onload]')).toBeNull();
  });

  it('keeps it an attribute value in EPUB, and the chapter well-formed', async () => {
    const { lib, id } = await hostile();
    const files = unzipSync((await exportFile(lib.exchange, { ids: [id], format: 'epub' })).bytes);
    const chapter = strFromU8(files['OEBPS/chapter-1.xhtml']!);
    const doc = new JSDOM(chapter, { contentType: 'application/xhtml+xml' }).window.document;
    expect(doc.querySelector('section')?.getAttribute('dir')).toBe(DIR);
    expect(doc.querySelector('[onload]')).toBeNull();
  });
});

describe('imports from other services', () => {
  it('imports a Pocket CSV export as links with tags, dates and archive state', async () => {
    const lib = setup();
    const csv =
      'title,url,time_added,tags,status\n' +
      '"Why, and how",https://a.example/why,1700000000,tech|long read,unread\n' +
      'Old one,https://b.example/old,1600000000,,archive\n' +
      'Broken,not a url,1600000000,,unread\n';
    expect(await lib.exchange.importFile(strToU8(csv))).toEqual({
      kind: 'pocket-csv',
      added: 2,
      updated: 0,
      skipped: 1,
    });
    const all = await lib.service.list({ view: 'all' });
    expect(all.items).toEqual([
      expect.objectContaining({
        title: 'Why, and how',
        tags: ['long read', 'tech'],
        savedAt: 1_700_000_000_000,
        status: 'link',
        source: 'pocket',
      }),
    ]);
    const archived = await lib.service.list({ view: 'archived' });
    expect(archived.items).toEqual([expect.objectContaining({ title: 'Old one', isArchived: true, isRead: true })]);
  });

  it('imports the Pocket HTML export, the unread and the archived sections', async () => {
    const lib = setup();
    const html = `<!DOCTYPE html><html><head><title>Pocket Export</title></head><body>
      <h1>Unread</h1><ul><li><a href="https://a.example/1" time_added="1700000000" tags="news,world">First</a></li></ul>
      <h1>Read Archive</h1><ul><li><a href="https://b.example/2" time_added="1600000000" tags="">Second</a></li></ul>
      </body></html>`;
    expect(await lib.exchange.importFile(strToU8(html))).toMatchObject({ kind: 'pocket-html', added: 2 });
    expect((await lib.service.list({})).items).toEqual([
      expect.objectContaining({
        title: 'First',
        tags: ['news', 'world'],
        savedAt: 1_700_000_000_000,
        isArchived: false,
      }),
    ]);
    expect((await lib.service.list({ view: 'archived' })).items[0]).toMatchObject({ title: 'Second' });
  });

  it('imports an Omnivore export: content becomes sanitised articles, labels tags, progress a position', async () => {
    const lib = setup();
    const metadata = [
      {
        id: '1',
        slug: 'deep-dive',
        title: 'A deep dive',
        author: 'Ann Author',
        description: 'Into the deep.',
        url: 'https://c.example/deep',
        state: 'Archived',
        readingProgress: 40,
        labels: ['science'],
        savedAt: '2023-05-01T10:00:00.000Z',
        updatedAt: '2023-05-02T10:00:00.000Z',
        publishedAt: '2023-04-30T00:00:00.000Z',
      },
      {
        id: '2',
        slug: 'no-content',
        title: 'Only a link',
        url: 'https://d.example/link',
        state: 'Succeeded',
        labels: [],
      },
    ];
    const zip = zipSync({
      'metadata_0_to_2.json': strToU8(JSON.stringify(metadata)),
      'content/deep-dive.html': strToU8('<div><p>Water is deep.</p><img src="/pic.png"><script>bad()</script></div>'),
    });
    expect(await lib.exchange.importFile(zip)).toEqual({ kind: 'omnivore', added: 2, updated: 0, skipped: 0 });
    const archived = (await lib.service.list({ view: 'archived' })).items[0]!;
    expect(archived).toMatchObject({
      title: 'A deep dive',
      byline: 'Ann Author',
      tags: ['science'],
      savedAt: Date.parse('2023-05-01T10:00:00.000Z'),
      position: { progress: 0.4 },
      status: 'complete',
    });
    const data = await lib.service.get(archived.id);
    expect(data.html).not.toContain('script');
    expect(data.imageUrls).toEqual(['https://c.example/pic.png']);
    expect(data.text).toBe('Water is deep.');
    expect((await lib.service.list({ search: 'water' })).total).toBe(0); // archived: not in the default view
    expect((await lib.service.list({ view: 'archived', search: 'water' })).total).toBe(1);
    expect((await lib.service.list({})).items[0]).toMatchObject({ title: 'Only a link', status: 'link' });
  });
});
