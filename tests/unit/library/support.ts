import { JSDOM } from 'jsdom';
import { afterEach } from 'vitest';
import type { ExtractResult } from '../../../src/extract/types';
import { createLocalDomHost } from '../../../src/library-io/dom-host';
import { createHighlightService } from '../../../src/background/library/highlight-service';
import { createLibraryExchange } from '../../../src/background/library/library-exchange';
import { createLibraryService } from '../../../src/background/library/library-service';
import { freshDb } from '../storage/support';

export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
export const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 9, 8, 7]);

export function jsdomWindow() {
  return new JSDOM('<!doctype html><body></body>').window as unknown as Window & typeof globalThis;
}

/** A fetch that serves a fixed set of URLs, and records what was asked. */
export function fakeFetch(routes: Record<string, { body: Uint8Array | string; type: string }>) {
  const requested: string[] = [];
  const impl = (async (input: RequestInfo | URL) => {
    const url = String(input);
    requested.push(url);
    const route = routes[url];
    if (!route) return new Response('missing', { status: 404 });
    return new Response(route.body as BodyInit, { headers: { 'content-type': route.type } });
  }) as typeof fetch;
  return { impl, requested };
}

export function article(overrides: Partial<ExtractResult> = {}): ExtractResult {
  return {
    isArticle: true,
    pageType: 'article',
    url: 'https://news.example/2024/border',
    title: 'Border regions brace for missiles',
    byline: 'Katya Ivanova',
    siteName: 'The Example',
    publishedTime: '2024-11-20T08:00:00Z',
    lang: 'en',
    dir: 'ltr',
    excerpt: 'People near the border are preparing.',
    leadImage: null,
    html:
      '<h2>Shelters</h2><p>Residents are digging <a href="/shelters">shelters</a> &amp; waiting.</p>' +
      '<figure><img src="/img/lead.png" alt="A launcher"><figcaption>A launcher at dusk</figcaption></figure>' +
      '<p>Second paragraph.</p><img data-src="https://cdn.example/photo.jpg" alt="">' +
      '<img src="https://elsewhere.example/remote.png" alt="Remote">' +
      '<script>alert(1)</script><p onclick="alert(2)">Clean me</p>',
    text: 'Residents are digging shelters & waiting.\n\nSecond paragraph.\n\nClean me',
    wordCount: 9,
    readingMinutes: 1,
    removed: { comments: 1, promos: 0, newsletters: 1, related: 0, share: 0, ads: 0, other: 0 },
    ...overrides,
  };
}

export const IMAGE_ROUTES = {
  'https://news.example/img/lead.png': { body: PNG, type: 'image/png' },
  'https://cdn.example/photo.jpg': { body: JPEG, type: 'application/octet-stream' },
  'https://elsewhere.example/remote.png': { body: PNG, type: 'image/png' },
};

export function setupLibrary(
  options: {
    reachable?: string[];
    routes?: Parameters<typeof fakeFetch>[0];
    keptPage?: Parameters<typeof createLibraryService>[0]['keptPage'];
  } = {},
) {
  const win = jsdomWindow();
  const db = freshDb();
  const dom = createLocalDomHost(win);
  const fetcher = fakeFetch(options.routes ?? IMAGE_ROUTES);
  const reachable = new Set(options.reachable ?? ['https://news.example', 'https://cdn.example']);
  let t = 1_700_000_000_000;
  const service = createLibraryService({
    db,
    dom,
    fetchImpl: fetcher.impl,
    canReach: async (origin) => reachable.has(origin),
    now: () => (t += 1000),
    keptPage: options.keptPage,
  });
  const highlights = createHighlightService({
    db,
    records: service.records,
    now: () => (t += 1000),
    changed: service.highlightsChanged,
  });
  let n = 0;
  const exchange = createLibraryExchange({
    service,
    highlights,
    dom,
    now: () => new Date('2024-12-01T10:00:00Z'),
    newId: () => `00000000-0000-4000-8000-00000000000${++n}`,
  });
  return { win, db, dom, service, highlights, exchange, fetcher, reachable };
}

export type Library = ReturnType<typeof setupLibrary>;

/** `setupLibrary` for one test file: every library a test opens is closed after it. */
export function librariesClosedAfterEach(): typeof setupLibrary {
  const open: Library[] = [];
  afterEach(() => {
    for (const lib of open.splice(0)) lib.db.close();
  });
  return (options) => {
    const lib = setupLibrary(options);
    open.push(lib);
    return lib;
  };
}
