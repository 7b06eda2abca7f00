/**
 * The part of the page worth copying. Cloning a whole news page costs as much as Readability
 * itself, and most of it (navigation, footers, comment threads, sidebars) is never the article:
 * the copy holds the `<head>`, the chain of ancestors (shallow, so classes, `lang` and `dir` still
 * inform Readability) and, deep, the smallest element around the body that holds nearly all of
 * the page's prose.
 */
import type { ProseParagraph } from '../clutter';
import { cloneInert, createInertDocument, type InertDocument } from './inert-document';

/** Share of the page's prose the region must hold. */
const COVERAGE = 0.85;
/** Below this much prose in paragraphs the page's shape is unclear: the whole body is copied. */
const MIN_PROSE_CHARS = 1000;

/** `paragraphs`: the page's prose (see `proseParagraphs`), comment threads left out. */
export function findRegion(body: Element, anchor: Element | null, paragraphs: readonly ProseParagraph[]): Element {
  if (!anchor || !body.contains(anchor)) return body;
  let total = 0;
  for (const { length } of paragraphs) total += length;
  if (total < MIN_PROSE_CHARS) return body;
  let region = anchor;
  while (region !== body && region.parentElement) {
    let covered = 0;
    for (const { element, length } of paragraphs) if (region.contains(element)) covered += length;
    if (covered >= total * COVERAGE) break;
    region = region.parentElement;
  }
  // The body's own container also holds its headline, lead picture and byline: one level up, or
  // up to the enclosing <article> when it is close.
  for (let el: Element | null = region, depth = 0; el && el !== body && depth < 4; el = el.parentElement, depth++) {
    if (el.tagName.toUpperCase() === 'ARTICLE') return el;
  }
  return region !== body && region.parentElement ? region.parentElement : region;
}

/**
 * The HTML parser accepts attribute names that `setAttribute` refuses (`"foo"`, `a<b`): such
 * names are copied as nodes, which never checks them.
 */
function copyAttributes(from: Element, to: Element): void {
  for (const attribute of Array.from(from.attributes)) {
    to.setAttributeNode(to.ownerDocument.importNode(attribute, false));
  }
}

/** What Readability reads in the head: the title, metadata, the base address, structured data. */
const HEAD_READ = 'title, meta, base, script[type="application/ld+json" i]';

/**
 * A new inert document with what Readability reads of `doc`'s head (not its scripts, styles or
 * links, which cost a third of the copy), the region's ancestors (shallow) and the region (deep).
 */
export function copyRegion(doc: Document, region: Element): InertDocument {
  const body = doc.body;
  if (!body?.contains(region)) return cloneInert(doc);
  const copy = createInertDocument(doc);
  copyAttributes(doc.documentElement, copy.documentElement);
  // An XHTML page, or one whose script removed it, may have no head.
  if (doc.head) {
    const head = copy.importNode(doc.head, false);
    for (const element of Array.from(doc.head.children)) {
      if (element.matches(HEAD_READ)) head.appendChild(copy.importNode(element, true));
    }
    copy.head.replaceWith(head);
  }
  copyAttributes(body, copy.body);
  if (region === body) {
    // Every child, scripts too: elements are found in the copy by their positions (pick-article.ts).
    for (const node of Array.from(body.childNodes)) copy.body.appendChild(copy.importNode(node, true));
    return copy;
  }
  // Structured data in the body still feeds Readability's metadata.
  for (const script of Array.from(body.querySelectorAll('script[type="application/ld+json" i]'))) {
    if (!region.contains(script)) copy.head.append(copy.importNode(script, true));
  }
  const chain: Element[] = [];
  for (let el = region.parentElement; el && el !== body; el = el.parentElement) chain.unshift(el);
  let container: Element = copy.body;
  for (const ancestor of chain) container = container.appendChild(copy.importNode(ancestor, false));
  container.appendChild(copy.importNode(region, true));
  return copy;
}
