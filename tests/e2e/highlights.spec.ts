/**
 * Highlights end to end, in Chromium and Firefox: in the reader on a live tab, select a passage
 * across two paragraphs and press n: the article is saved first, the highlight is made and its note
 * written → closed and reopened from the library with the network down, the highlight is drawn on
 * the same text with its note → the Markdown and EPUB exports carry both → an archive export, a
 * wipe and an import bring the highlights back byte for byte.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BROWSERS, type TestPage } from './support/harness';
import { extensionSuite } from './support/extension-suite';
import { call, value } from './support/library-messages';

interface Highlight {
  id: string;
  articleId: string;
  color: string;
  note: string;
  quote: { exact: string };
}

const NOTE = 'Across two paragraphs: the shelters and what came next.';

/** Selects from the middle of one body paragraph to the middle of the next; returns the text. */
function selectAcrossParagraphs(page: TestPage): Promise<string> {
  return page.evaluate(() => {
    const paragraphs = [...document.querySelectorAll<HTMLElement>('.article__body p')].filter(
      (p) => (p.textContent ?? '').length > 80 && p.firstChild?.nodeType === Node.TEXT_NODE,
    );
    const [first, second] = paragraphs.filter((p, i) => paragraphs[i + 1] === p.nextElementSibling || i > 0);
    const range = document.createRange();
    range.setStart(first!.firstChild!, 20);
    range.setEnd(second!.firstChild!, 30);
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return range.toString();
  });
}

/** What the reader draws: the text of each painted highlight (Highlight API or marks). */
function painted(page: TestPage): Promise<string[]> {
  return page.evaluate(() => {
    if ('highlights' in CSS) {
      return ['yellow', 'green', 'blue', 'pink'].flatMap((c) =>
        [...(CSS.highlights.get(`tidy-highlight-${c}`) ?? [])].map((r) => (r as Range).toString()),
      );
    }
    return [...document.querySelectorAll('mark.highlight')].map((m) => m.textContent ?? '');
  });
}

async function download(page: TestPage, req: object): Promise<Uint8Array> {
  const info = await value<{ transferId: string; size: number }>(page, 'articles.export', req);
  const { data } = await value<{ data: string }>(page, 'transfer.read', {
    transferId: info.transferId,
    offset: 0,
    length: info.size,
  });
  await value(page, 'transfer.close', { transferId: info.transferId });
  return Uint8Array.from(Buffer.from(data, 'base64'));
}

describe.each(BROWSERS)('highlights in %s', (browserName) => {
  const suite = extensionSuite(browserName);
  let savedId = '';
  let selected = '';

  it('highlights a passage across two paragraphs in the live reader, saving the article first, and adds a note', async () => {
    const url = suite.server.pageUrl('magazine-seed');
    const tab = await suite.harness.open(url);
    const reader = await suite.harness.openExtensionPage(`reader.html?tabId=${await suite.harness.tabIdOf(url)}`);
    await reader.waitFor(() => document.querySelector('.page-root:not([hidden]) .article__body p'));
    selected = await selectAcrossParagraphs(reader);
    expect(selected).toContain('\n');
    await reader.waitFor(() => document.querySelector('.selection-toolbar'));
    await reader.press('n');
    await reader.waitFor(() => document.querySelector('dialog.highlight-editor[open] textarea'));
    await reader.click('dialog.highlight-editor textarea');
    await reader.evaluate((note) => {
      const area = document.querySelector<HTMLTextAreaElement>('dialog.highlight-editor textarea')!;
      area.value = note;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    }, NOTE);
    await reader.click('dialog.highlight-editor button[type="submit"]');
    await reader.waitFor(() => !document.querySelector('dialog.highlight-editor'));

    const found = await value<{ id: string } | null>(reader, 'articles.lookup', { url });
    expect(found).not.toBeNull();
    savedId = found!.id;
    const stored = await reader.waitFor(async (id) => {
      const api = (globalThis as unknown as { chrome: typeof chrome }).chrome;
      const reply = (await api.runtime.sendMessage({
        channel: 'tidy-reader',
        to: 'background',
        type: 'highlights.list',
        req: { articleId: id },
      })) as { value: Highlight[] };
      return reply.value.length === 1 && reply.value[0]!.note ? reply.value : null;
    }, savedId);
    expect(stored?.[0]).toMatchObject({ articleId: savedId, color: 'yellow', note: NOTE });
    expect(stored![0]!.quote.exact.replace(/\s+/g, ' ')).toBe(selected.trim().replace(/\s+/g, ' '));
    expect(await painted(reader)).toHaveLength(1);
    await reader.screenshot(`out/screenshots/reader-highlight-${browserName}.png`);
    await reader.close();
    await tab.close();
  });

  it('shows the highlight on the same text with its note when reopened offline', async () => {
    await suite.server.close();
    const reader = await suite.harness.openExtensionPage(`reader.html?id=${encodeURIComponent(savedId)}`);
    await reader.waitFor(() => document.querySelector('.page-root:not([hidden]) .article__body p'));
    const drawn = await reader.waitFor(async () => {
      const ranges = 'highlights' in CSS ? [...(CSS.highlights.get('tidy-highlight-yellow') ?? [])] : [];
      return ranges.length > 0 || document.querySelector('mark.highlight') ? true : null;
    });
    expect(drawn).toBe(true);
    expect((await painted(reader)).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([
      selected.trim().replace(/\s+/g, ' '),
    ]);
    await reader.click('.action--highlights');
    await reader.waitFor(() => document.querySelector('.highlights-panel .highlight-item__note'));
    expect(await reader.text('.highlights-panel .highlight-item__note')).toBe(NOTE);
    await reader.close();
  });

  it('carries the highlight and its note into the Markdown and EPUB exports', async () => {
    const page = await suite.harness.openExtensionPage('options.html');
    const words = selected.trim().split(/\s+/);
    const md = strFromU8(await download(page, { ids: [savedId], format: 'markdown', markdownImages: 'links' }));
    expect(md).toContain(`==${words[0]}`);
    expect(md).toContain(`[^1]: ${NOTE}`);
    const epub = unzipSync(await download(page, { ids: [savedId], format: 'epub' }));
    const chapter = strFromU8(epub['OEBPS/chapter-1.xhtml']!);
    expect(chapter).toMatch(/<mark class="highlight-yellow">/);
    expect(chapter).toContain('epub:type="noteref"');
    expect(chapter).toContain(`<aside epub:type="footnote"`);
    expect(chapter).toContain(NOTE);
    await page.close();
  });

  it('restores the highlights byte for byte from an archive after the library is wiped', async () => {
    const page = await suite.harness.openExtensionPage('options.html');
    const before = await value<Highlight[]>(page, 'highlights.list', { articleId: savedId });
    const archive = await download(page, { ids: null, format: 'archive' });
    await value(page, 'articles.delete', { ids: [savedId] });
    expect(await value<Highlight[]>(page, 'highlights.list', { articleId: savedId })).toEqual([]);
    expect((await call(page, 'articles.get', { id: savedId })).ok).toBe(false);

    const { transferId } = await value<{ transferId: string }>(page, 'transfer.open', { size: archive.length });
    await value(page, 'transfer.write', { transferId, offset: 0, data: Buffer.from(archive).toString('base64') });
    expect(await value(page, 'articles.import', { transferId })).toMatchObject({ kind: 'archive', added: 1 });
    const after = await value<Highlight[]>(page, 'highlights.list', { articleId: savedId });
    expect(JSON.stringify(after)).toBe(JSON.stringify(before));
    await page.close();
  });
});
