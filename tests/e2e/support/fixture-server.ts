/**
 * Serves the fixture pages on 127.0.0.1: `/<slug>/` is tests/fixtures/pages/<slug>/source.html,
 * `/<slug>/<file>` a file beside it, `/assets/<file>` a shared asset, `/library/<file>` a page of the
 * library's own tests (outside the extraction's golden set). Every request is logged, so tests can
 * prove that nothing was fetched from where it must not be.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

export const FIXTURES_DIR = resolve(import.meta.dirname, '../../fixtures');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.json': 'application/json',
};

export interface FixtureServer {
  origin: string;
  /** The address of a fixture page. */
  pageUrl(slug: string): string;
  requests: string[];
  /**
   * Serves a page that arrives in two parts, at an address of its own on this site: the first at
   * once, the rest when the test calls `release`. The browser paints the first part while the
   * document is still loading (before DOMContentLoaded), as on a slow connection.
   */
  arriving(first: string, rest: string): { url: string; release(): void };
  /** Stops serving at once, open connections included: the network is down from here on. */
  close(): Promise<void>;
}

function resolveFile(pathname: string): string | null {
  const clean = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  if (clean.startsWith('..')) return null;
  const [first, ...rest] = clean.split('/');
  if (!first) return null;
  if (first === 'assets' || first === 'library') return join(FIXTURES_DIR, first, ...rest);
  const file = rest.filter(Boolean).length === 0 ? 'source.html' : rest.join('/');
  return join(FIXTURES_DIR, 'pages', first, file);
}

/**
 * A page may come with response headers of its own in `headers.json` beside `source.html` (the
 * hostile fixture sends a CSP that keeps the live page itself inert).
 */
async function readExtraHeaders(file: string): Promise<Record<string, string>> {
  if (!file.endsWith('source.html')) return {};
  try {
    return JSON.parse(await readFile(join(dirname(file), 'headers.json'), 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}

interface ArrivingPage {
  first: string;
  rest: string;
  released: boolean;
  held: ServerResponse[];
}

function serveArriving(page: ArrivingPage, res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  // Padded past the bytes a browser may buffer before it starts to parse and paint.
  res.write(`${page.first}<!--${' '.repeat(2048)}-->`);
  if (page.released) res.end(page.rest);
  else page.held.push(res);
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const requests: string[] = [];
  const arriving = new Map<string, ArrivingPage>();
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname + url.search);
    const held = arriving.get(url.pathname);
    if (held) {
      serveArriving(held, res);
      return;
    }
    const file = resolveFile(url.pathname);
    if (!file) {
      res.writeHead(404).end('Not found');
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        ...(await readExtraHeaders(file)),
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
  };
  const server: Server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    pageUrl: (slug) => `${origin}/${slug}/`,
    requests,
    arriving(first, rest) {
      const path = `/arriving-${arriving.size + 1}/`;
      const page: ArrivingPage = { first, rest, released: false, held: [] };
      arriving.set(path, page);
      return {
        url: `${origin}${path}`,
        release() {
          page.released = true;
          for (const res of page.held.splice(0)) res.end(page.rest);
        },
      };
    },
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
