/**
 * The work on article HTML that needs a DOM. The background has none in Chrome (a service worker),
 * so there this interface is served by an offscreen document; Firefox's background page, extension
 * pages and tests run it directly with `createLocalDomHost(window)`. All inputs and outputs are
 * plain JSON, so the same interface crosses a message channel unchanged.
 */
import { extractArticle } from '../extract/extract-article';
import { describeSpan } from '../highlights/anchor-text';
import { textOf } from '../highlights/dom-text';
import { placeQuote } from '../highlights/place-quote';
import type { HighlightRecord, HighlightSelectors } from '../highlights/types';
import type { ExtractResult } from '../extract/types';
import { parsePocketHtml } from './import/pocket';
import type { ParsedImport } from './import/types';
import { baseUrlOf } from '../extract/urls';
import { sanitiseHtml } from '../sanitise/policy';
import { absolutiseFetchedPage } from './html/absolute-urls';
import { appendFootnotes, markHighlights } from './html/mark-highlights';
import type { DomWindow } from './html/dom-window';
import { prepareArticleHtml, type PreparedHtml } from './html/prepare-article-html';
import { htmlToMarkdown } from './html/to-markdown';
import { htmlToXhtmlBody } from './html/to-xhtml';

export interface PreparedArticle extends PreparedHtml {
  /** The body's text, blocks separated by blank lines (for search and reading time). */
  text: string;
}

export interface ExtractedPage {
  result: ExtractResult;
  canonicalUrl: string | null;
}

export interface DomHost {
  /** Sanitises a body, makes image URLs absolute and lists them. */
  prepare(req: { html: string; baseUrl: string }): Promise<PreparedArticle>;
  /** Extracts the article of a fetched page. */
  extract(req: { html: string; url: string }): Promise<ExtractedPage>;
  /**
   * A stored body as the self-contained HTML export writes it (cleaned by the `stored` profile
   * again), its highlights as `<mark>` with their notes as endnotes.
   */
  toHtml(req: { html: string; highlights?: HighlightRecord[] }): Promise<string>;
  /** Markdown, highlights as `==text==` with their notes as footnotes. */
  toMarkdown(req: { html: string; imageSrc: Record<string, string>; highlights?: HighlightRecord[] }): Promise<string>;
  /**
   * XHTML body for EPUB; images missing from `imageSrc` become their alt text; highlights as
   * `<mark>`, notes as EPUB 3 footnotes.
   */
  toXhtml(req: { html: string; imageSrc: Record<string, string>; highlights?: HighlightRecord[] }): Promise<string>;
  parsePocketHtml(req: { html: string }): Promise<ParsedImport>;
  /**
   * Where each quote (a highlight another service exported as text) is in a stored body's text,
   * described the way our highlights are; null for one that is not clearly there.
   */
  placeQuotes(req: { html: string; quotes: string[] }): Promise<(HighlightSelectors | null)[]>;
  /** `canonicalUrl` when it is on the same site as the page at `pageUrl`, else null. */
  sameSiteCanonical(req: { pageUrl: string; canonicalUrl: string }): Promise<string | null>;
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, th, dt, dd';

function blockText(doc: Document): string {
  const blocks = Array.from(doc.body.querySelectorAll(BLOCKS))
    .filter((el) => !el.parentElement?.closest(BLOCKS))
    .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return blocks.length > 0 ? blocks.join('\n\n') : (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function canonicalOf(doc: Document, url: string): string | null {
  const raw =
    doc.querySelector('link[rel~="canonical"]')?.getAttribute('href') ??
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content');
  if (!raw) return null;
  try {
    const resolved = new URL(raw, url);
    return resolved.protocol === 'https:' || resolved.protocol === 'http:' ? resolved.href : null;
  } catch {
    return null;
  }
}

export function createLocalDomHost(win: DomWindow): DomHost {
  return {
    async prepare({ html, baseUrl }) {
      const prepared = prepareArticleHtml(win, html, baseUrl);
      const doc = new win.DOMParser().parseFromString(`<body>${prepared.html}</body>`, 'text/html');
      return { ...prepared, text: blockText(doc) };
    },
    async extract({ html, url }) {
      const doc = new win.DOMParser().parseFromString(html, 'text/html');
      // The parsed document has the address of the page parsing it, not of the fetched page.
      absolutiseFetchedPage(doc, baseUrlOf(doc, url));
      // A parsed document has no window of its own: DOMPurify needs the one that parsed it.
      const result = extractArticle(doc, { url, window: win });
      return { result, canonicalUrl: canonicalOf(doc, url) };
    },
    async toHtml({ html, highlights = [] }) {
      const clean = sanitiseHtml(html, { window: win, profile: 'stored' });
      if (highlights.length === 0) return clean;
      const doc = new win.DOMParser().parseFromString(`<!doctype html><body>${clean}</body>`, 'text/html');
      appendFootnotes(doc.body, markHighlights(doc.body, highlights), 'html');
      return doc.body.innerHTML;
    },
    toMarkdown: async ({ html, imageSrc, highlights }) =>
      htmlToMarkdown(win, html, (u) => imageSrc[u] ?? u, highlights),
    toXhtml: async ({ html, imageSrc, highlights }) =>
      htmlToXhtmlBody(win, html, (u) => imageSrc[u] ?? null, highlights),
    parsePocketHtml: async ({ html }) => parsePocketHtml(new win.DOMParser().parseFromString(html, 'text/html')),
    async placeQuotes({ html, quotes }) {
      // The text the reader anchors in: the body's text nodes, as `textOf` counts them.
      const text = textOf(new win.DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body);
      return quotes.map((quote) => {
        const span = placeQuote(text, quote);
        return span && describeSpan(text, span.start, span.end);
      });
    },
    // Loaded on first use: the Public Suffix List would otherwise be evaluated at every wake of
    // Firefox's background page (Chrome runs this in the offscreen document, created for saving).
    sameSiteCanonical: async ({ pageUrl, canonicalUrl }) =>
      (await import('./same-site')).sameSiteCanonical(pageUrl, canonicalUrl),
  };
}
