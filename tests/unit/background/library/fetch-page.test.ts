import { createSinglebyteEncoder } from '@exodus/bytes/single-byte.js';
import { describe, expect, it } from 'vitest';
import { fetchPage } from '../../../../src/background/library/fetch-page';

const utf8 = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);
const windows1252 = (text: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(createSinglebyteEncoder('windows-1252')(text));

function serving(body: Uint8Array<ArrayBuffer>, type: string): typeof fetch {
  return async () => new Response(body, { headers: { 'content-type': type } });
}

const PAGE_URL = 'https://news.example/story';
const ARTICLE = '<p>Die Gebühren für Anwohner steigen, sagte der Bürgermeister. Straßenbahn, Grüße.</p>';

describe('fetchPage', () => {
  it('lets a byte order mark beat the Content-Type charset', async () => {
    const body = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(ARTICLE)]);
    const page = await fetchPage(PAGE_URL, serving(body, 'text/html; charset=windows-1252'));
    expect(page).toEqual({ html: ARTICLE, url: PAGE_URL });
  });

  it('lets the Content-Type charset beat a <meta charset>', async () => {
    const html = `<meta charset="utf-8">${ARTICLE}`;
    const page = await fetchPage(PAGE_URL, serving(windows1252(html), 'text/html; charset=windows-1252'));
    expect(page.html).toBe(html);
  });

  it('reads an undeclared page as a browser does: UTF-8 when it is, else by detection', async () => {
    expect((await fetchPage(PAGE_URL, serving(utf8(ARTICLE), 'text/html'))).html).toBe(ARTICLE);
    expect((await fetchPage(PAGE_URL, serving(windows1252(ARTICLE), 'text/html'))).html).toBe(ARTICLE);
  });

  it('refuses what is not a page', async () => {
    await expect(fetchPage(PAGE_URL, serving(utf8('%PDF'), 'application/pdf'))).rejects.toThrow(/Not a page/);
  });
});
