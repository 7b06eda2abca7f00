import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { createSinglebyteEncoder } from '@exodus/bytes/single-byte.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPage, MAX_PAGE_BYTES } from '../../../../src/background/library/fetch-page';

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
    await expect(fetchPage(PAGE_URL, serving(utf8('%PDF'), 'application/pdf'))).rejects.toMatchObject({
      code: 'not-a-page',
    });
  });
});

/**
 * Against a real HTTP server on 127.0.0.1, through the platform's own fetch: the body is read as a
 * stream and never past the size limit, whatever the server says or does not say about its length.
 */
describe('fetchPage reads at most the size limit', { timeout: 20_000 }, () => {
  /** Room for the chunks a stream pulls ahead of its reader. */
  const SLACK = 2 * 1024 * 1024;
  const CHUNK = Buffer.from(`<p>${'The harbour wall was rebuilt stone by stone. '.repeat(1400)}</p>\n`);
  const PAGE = '<!doctype html><title>Small</title><p>A small page, read whole.</p>';
  // Compressed, about 190 KB; as a page, twice the limit.
  const BOMB = gzipSync(
    Buffer.concat(Array.from({ length: Math.ceil((2 * MAX_PAGE_BYTES) / CHUNK.length) }, () => CHUNK)),
    {
      level: 1,
    },
  );

  let server: Server;
  let origin = '';
  /** Each endless response: the bytes it had written when its connection closed. */
  const closed = new Map<string, Promise<number>>();

  /** Writes chunks for as long as the client reads them. */
  function streamForever(res: ServerResponse, path: string): void {
    let sent = 0;
    closed.set(path, new Promise((resolve) => res.on('close', () => resolve(sent))));
    const pump = (): void => {
      while (!res.destroyed) {
        sent += CHUNK.length;
        if (!res.write(CHUNK)) {
          res.once('drain', pump);
          return;
        }
      }
    };
    pump();
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const path = req.url ?? '/';
    if (path === '/small') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    } else if (path.startsWith('/endless')) {
      // No Content-Length: chunked, for ever.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      streamForever(res, path);
    } else if (path === '/claims-small') {
      // The length it declares is that of the compressed bytes: the page is twice the limit.
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-encoding': 'gzip',
        'content-length': String(BOMB.length),
      });
      res.end(BOMB);
    } else if (path.startsWith('/claims-huge')) {
      // Declares a gigabyte, sends one chunk and then nothing.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(2 ** 30) });
      closed.set(path, new Promise((resolve) => res.on('close', () => resolve(CHUNK.length))));
      res.write(CHUNK);
    } else {
      res.writeHead(404).end();
    }
  }

  /** The platform's fetch, counting the body's bytes handed to the reader. */
  function countingFetch(): { impl: typeof fetch; read: () => number } {
    let read = 0;
    const impl: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const counted = response.body?.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            read += chunk.byteLength;
            controller.enqueue(chunk);
          },
        }),
      );
      return new Response(counted, { status: response.status, headers: response.headers });
    };
    return { impl, read: () => read };
  }

  beforeAll(async () => {
    server = createServer(handle);
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  });

  it('reads a page within the limit whole', async () => {
    expect(await fetchPage(`${origin}/small`, fetch)).toEqual({ html: PAGE, url: `${origin}/small` });
  });

  it('stops a page that never ends at the limit, with a clear code, and closes the connection', async () => {
    const counting = countingFetch();
    await expect(fetchPage(`${origin}/endless`, counting.impl)).rejects.toMatchObject({ code: 'page-too-large' });
    expect(counting.read()).toBeGreaterThan(MAX_PAGE_BYTES);
    expect(counting.read()).toBeLessThan(MAX_PAGE_BYTES + SLACK);
    // The server stops writing: the client went away.
    const sent = await closed.get('/endless');
    expect(sent).toBeLessThan(MAX_PAGE_BYTES + 16 * SLACK);
  });

  it('holds a smaller limit as well', async () => {
    const counting = countingFetch();
    await expect(fetchPage(`${origin}/endless-2`, counting.impl, { maxBytes: 256 * 1024 })).rejects.toMatchObject({
      code: 'page-too-large',
    });
    expect(counting.read()).toBeLessThan(256 * 1024 + SLACK);
    await closed.get('/endless-2');
  });

  it('does not trust a Content-Length under the limit: a compressed page twice the limit is stopped at it', async () => {
    const counting = countingFetch();
    await expect(fetchPage(`${origin}/claims-small`, counting.impl)).rejects.toMatchObject({
      code: 'page-too-large',
    });
    expect(counting.read()).toBeLessThan(MAX_PAGE_BYTES + SLACK);
  });

  it('refuses a Content-Length over the limit before reading, without waiting for the body', async () => {
    const started = Date.now();
    await expect(fetchPage(`${origin}/claims-huge`, fetch)).rejects.toMatchObject({ code: 'page-too-large' });
    expect(Date.now() - started).toBeLessThan(10_000);
    await closed.get('/claims-huge');
  });
});
