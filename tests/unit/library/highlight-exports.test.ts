import { EpubCheck } from '@likecoin/epubcheck-ts';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { describeSpan } from '../../../src/highlights/anchor-text';
import { textOf } from '../../../src/highlights/dom-text';
import type { HighlightRecord } from '../../../src/highlights/types';
import type { ExportRequest } from '../../../src/shared/messaging/library-protocol';
import { article, librariesClosedAfterEach, type Library } from './support';

const setup = librariesClosedAfterEach();

async function exportFile(lib: Library, req: ExportRequest) {
  const file = await lib.exchange.exportArticles(req);
  return { ...file, bytes: new Uint8Array(await file.blob.arrayBuffer()) };
}

/** A library with one article and three highlights: across two paragraphs with a note, a plain one, an orphan. */
async function highlighted() {
  const lib = setup();
  const saved = await lib.service.saveExtracted(article(), null, 'page');
  const { html } = await lib.service.get(saved.id);
  const body = new lib.win.DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
  const text = textOf(body);
  const span = (from: string, to: string) => describeSpan(text, text.indexOf(from), text.indexOf(to) + to.length);
  const across = await lib.highlights.add({
    articleId: saved.id,
    color: 'yellow',
    note: 'Two paragraphs,\none note.',
    ...span('waiting.', 'A launcher at dusk'),
  });
  const plain = await lib.highlights.add({ articleId: saved.id, color: 'green', ...span('Second', 'paragraph') });
  const orphan = await lib.highlights.add({
    articleId: saved.id,
    color: 'pink',
    note: 'Lost passage',
    ...describeSpan('A sentence the article no longer has in it at all.', 2, 40),
  });
  return { lib, id: saved.id, across, plain, orphan };
}

describe('highlights in exports', () => {
  it('writes Markdown with ==text==, notes as footnotes, orphans listed, and a highlights list in the front matter', async () => {
    const { lib, id } = await highlighted();
    const md = strFromU8((await exportFile(lib, { ids: [id], format: 'markdown', markdownImages: 'links' })).bytes);
    expect(md).toContain('==waiting.==');
    expect(md).toContain('==A launcher at dusk==[^1]');
    expect(md).toContain('==Second paragraph==');
    expect(md).toContain('- ==sentence the article no longer has in==[^2]');
    expect(md).toContain('[^1]: Two paragraphs,\n    one note.');
    expect(md).toContain('[^2]: Lost passage');
    // Blocks written without white space between them quote as they are.
    expect(md).toMatch(/^highlights: \["waiting\.A launcher at dusk", "Second paragraph", "[^"]+"\]$/m);
  });

  it('writes an Obsidian bundle: a folder per article, article.md with its highlights, images under assets/', async () => {
    const { lib, id } = await highlighted();
    const file = await exportFile(lib, { ids: [id], format: 'obsidian' });
    expect(file.fileName).toMatch(/-obsidian\.zip$/);
    const files = unzipSync(file.bytes);
    const names = Object.keys(files).sort();
    expect(names).toEqual([
      'border-regions-brace-for-missiles/article.md',
      'border-regions-brace-for-missiles/assets/1.png',
      'border-regions-brace-for-missiles/assets/2.jpg',
    ]);
    const md = strFromU8(files['border-regions-brace-for-missiles/article.md']!);
    expect(md).toContain('![A launcher](assets/1.png)');
    expect(md).toContain('==A launcher at dusk==[^1]');
    expect(md).toMatch(/^highlights: \[/m);
  });

  it('writes HTML with <mark> and endnotes', async () => {
    const { lib, id, across } = await highlighted();
    const html = strFromU8((await exportFile(lib, { ids: [id], format: 'html' })).bytes);
    expect(html).toContain('<mark class="highlight-yellow">waiting.</mark>');
    expect(html).toContain('<mark class="highlight-green">Second paragraph</mark>');
    expect(html).toContain(`<a role="doc-noteref" href="#note-${across.id}" id="ref-${across.id}">1</a>`);
    expect(html).toMatch(new RegExp(`<li id="note-${across.id}">Two paragraphs,\\none note. <a role="doc-backlink"`));
    expect(html).toContain('Lost passage');
  });

  it(
    'writes EPUB with <mark> and EPUB 3 footnotes, and epubcheck finds nothing wrong',
    { timeout: 60_000 },
    async () => {
      const { lib, id, across } = await highlighted();
      const file = await exportFile(lib, { ids: [id], format: 'epub' });
      const chapter = strFromU8(unzipSync(file.bytes)['OEBPS/chapter-1.xhtml']!);
      expect(chapter).toContain('<mark class="highlight-yellow">A launcher at dusk</mark>');
      expect(chapter).toContain(`<a epub:type="noteref" href="#note-${across.id}" id="ref-${across.id}">1</a>`);
      expect(chapter).toContain(
        `<aside epub:type="footnote" id="note-${across.id}"><p>1. Two paragraphs,\none note.</p></aside>`,
      );
      const report = await EpubCheck.validate(file.bytes);
      const problems = report.messages.filter((m) => ['error', 'fatal', 'warning'].includes(m.severity));
      expect(problems).toEqual([]);
    },
  );

  it('round-trips highlights through the library archive, every field, and writes them as Web Annotations', async () => {
    const { lib, id } = await highlighted();
    const before = await lib.highlights.list(id);
    const archive = await exportFile(lib, { ids: null, format: 'archive' });
    const files = unzipSync(archive.bytes);
    const collection = JSON.parse(strFromU8(files['highlights.jsonld']!));
    expect(collection).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      total: 3,
    });

    const other = setup();
    await other.exchange.importFile(archive.bytes);
    const after = await other.highlights.list(id);
    expect(after).toEqual(before);
    expect(JSON.stringify(after)).toBe(JSON.stringify(before));
  });

  it('exports every highlight as a W3C Web Annotation collection', async () => {
    const { lib, id, across, plain } = await highlighted();
    const file = await exportFile(lib, { ids: [id], format: 'annotations' });
    expect(file.fileName).toMatch(/highlights\.jsonld$/);
    const { first } = JSON.parse(strFromU8(file.bytes)) as { first: { items: Record<string, unknown>[] } };
    const byId = (h: HighlightRecord) => first.items.find((a) => a.id === `urn:uuid:${h.id}`);
    expect(byId(across)).toMatchObject({
      type: 'Annotation',
      motivation: 'commenting',
      body: { type: 'TextualBody', value: 'Two paragraphs,\none note.', purpose: 'commenting' },
      target: {
        source: 'https://news.example/2024/border',
        styleClass: 'tidy-yellow',
        selector: [across.quote, across.position],
      },
    });
    expect(byId(plain)).toMatchObject({ motivation: 'highlighting' });
    expect(byId(plain)).not.toHaveProperty('body');
  });

  it('refuses an archive whose highlight is malformed, naming the field', async () => {
    const { lib } = await highlighted();
    const archive = await exportFile(lib, { ids: null, format: 'archive' });
    const files = unzipSync(archive.bytes);
    const manifest = JSON.parse(strFromU8(files['tidy-reader-library.json']!));
    manifest.articles[0].highlights[0].color = 'purple';
    const { strToU8, zipSync } = await import('fflate');
    files['tidy-reader-library.json'] = strToU8(JSON.stringify(manifest));
    const other = setup();
    await expect(other.exchange.importFile(zipSync(files))).rejects.toMatchObject({
      reason: 'archive-field',
      params: ['1', 'highlights.color'],
    });
  });
});
