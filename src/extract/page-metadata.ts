/**
 * What Readability reads from the whole page before it picks the article: the metadata (JSON-LD,
 * meta tags, the title worked out from `<title>` and the page's headings) and the first byline in
 * the markup. We run Readability on a copy narrowed to the article's region and already cleaned,
 * which can hide the headings and bylines it would have seen; reading them from the page itself
 * (read only) keeps our metadata what Readability would say about the page.
 */
import { Readability } from '@mozilla/readability';
import type { ReadabilityMetadata } from './metadata';

/**
 * Readability 0.6.0's metadata readers. They only read the document; the version is pinned and
 * a unit test fails if they change.
 */
interface MetadataReaders {
  _getJSONLD(doc: Document): Record<string, unknown>;
  _getArticleMetadata(jsonLd: Record<string, unknown>): ReadabilityMetadata;
}

// Readability's own patterns (Readability.js REGEXPS and UNLIKELY_ROLES), for its byline walk.
const BYLINE = /byline|author|dateline|writtenby|p-author/i;
const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
const MAYBE = /and|article|body|column|content|main|shadow/i;
const UNLIKELY_ROLES = new Set(['menu', 'menubar', 'complementary', 'navigation', 'alert', 'alertdialog', 'dialog']);
const NEVER_READ = new Set(['SCRIPT', 'NOSCRIPT', 'STYLE', 'TEMPLATE']);

function isHidden(element: Element): boolean {
  const style = element.getAttribute('style') ?? '';
  return (
    /(^|;)\s*display\s*:\s*none\b/i.test(style) ||
    /(^|;)\s*visibility\s*:\s*hidden\b/i.test(style) ||
    element.hasAttribute('hidden') ||
    (element.getAttribute('aria-hidden') === 'true' &&
      !(element.getAttribute('class') ?? '').includes('fallback-image'))
  );
}

function hasAncestor(element: Element, tags: RegExp): boolean {
  for (let el = element.parentElement; el; el = el.parentElement) if (tags.test(el.tagName)) return true;
  return false;
}

/** Readability takes these (and what they hold) out of the page before anything else. */
function isUnseen(element: Element): boolean {
  return (
    NEVER_READ.has(element.tagName.toUpperCase()) ||
    isHidden(element) ||
    (element.getAttribute('aria-modal') === 'true' && element.getAttribute('role') === 'dialog')
  );
}

/** Page furniture Readability drops, with what it holds, once it has looked for a byline. */
function isUnlikely(element: Element, hint: string): boolean {
  const tag = element.tagName.toUpperCase();
  return (
    (UNLIKELY.test(hint) &&
      !MAYBE.test(hint) &&
      tag !== 'BODY' &&
      tag !== 'A' &&
      !hasAncestor(element, /^(table|code)$/i)) ||
    UNLIKELY_ROLES.has(element.getAttribute('role') ?? '')
  );
}

function isByline(element: Element, hint: string): boolean {
  const marked =
    element.getAttribute('rel') === 'author' ||
    (element.getAttribute('itemprop') ?? '').includes('author') ||
    BYLINE.test(hint);
  // The text only of marked elements: reading every element's would read the page over and over.
  if (!marked) return false;
  const length = (element.textContent ?? '').trim().length;
  return length > 0 && length < 100 && !isAuthorBox(element);
}

/**
 * An author box (name, then a bio paragraph) is not itself a byline: its name line is looked for
 * inside it. Readability takes the whole box; a reader wants the name.
 */
function isAuthorBox(element: Element): boolean {
  let blocks = 0;
  for (const child of Array.from(element.children)) {
    if (/^(P|DIV|H[1-6]|UL|SECTION)$/i.test(child.tagName) && (child.textContent ?? '').trim() !== '') blocks++;
  }
  return blocks >= 2;
}

/**
 * The first byline in the markup, as Readability's walk finds it: a visible element marked as the
 * author or classed as a byline, outside page furniture (an `[itemprop~=name]` inside it names
 * the author more exactly).
 */
export function findMarkupByline(doc: Document): string | null {
  const stack: Element[] = doc.documentElement ? [doc.documentElement] : [];
  while (stack.length > 0) {
    const element = stack.pop() as Element;
    if (isUnseen(element)) continue;
    const hint = `${element.getAttribute('class') ?? ''} ${element.id}`;
    if (isByline(element, hint)) {
      const name = Array.from(element.querySelectorAll('[itemprop]')).find((el) =>
        (el.getAttribute('itemprop') ?? '').includes('name'),
      );
      return ((name ?? element).textContent ?? '').trim();
    }
    if (isUnlikely(element, hint)) continue;
    const children = element.children;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Element);
  }
  return null;
}

/** Title, byline, site name, date and excerpt as Readability reads them from the whole page. */
export function readPageMetadata(doc: Document): ReadabilityMetadata {
  const readers = new Readability(doc) as unknown as MetadataReaders;
  const metadata = readers._getArticleMetadata(readers._getJSONLD(doc));
  return { ...metadata, byline: metadata.byline || findMarkupByline(doc) };
}
