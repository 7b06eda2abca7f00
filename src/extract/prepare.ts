/**
 * Prepares the copy of the page for Readability: real image addresses, embedded posts Readability
 * would drop, and the page's furniture removed. Addresses are made absolute later, in the article
 * alone: most of the copy never reaches it.
 */
import { isProtected } from '../clutter';
import type { InertDocument } from './inert-document';
import { fixLazyImages } from './lazy-images';
import { countRemoval } from './removal-counts';
import type { RemovedCounts } from './types';

/** Scripts and styles: removed from the copy before anything else (structured data stays). */
const DISCARDED = 'script:not([type="application/ld+json" i]), style';

/** Embedded posts the author quoted: part of the article, though their wrappers look like widgets. */
const EMBEDDED_POSTS =
  'blockquote.twitter-tweet, blockquote.instagram-media, blockquote.tiktok-embed, blockquote.mastodon-embed';

/**
 * Readability discards elements whose class says "social" or "embed", so an embedded post loses
 * its wrapper here (a wrapper holding nothing else) and its class.
 */
function liftEmbeddedPosts(root: ParentNode): void {
  for (const post of Array.from(root.querySelectorAll(EMBEDDED_POSTS))) {
    let wrapper: Element = post;
    while (
      wrapper.parentElement &&
      wrapper.parentElement.children.length === 1 &&
      !/^(BODY|ARTICLE|MAIN|SECTION|P|LI|TD)$/.test(wrapper.parentElement.tagName.toUpperCase())
    ) {
      wrapper = wrapper.parentElement;
    }
    if (wrapper !== post) wrapper.replaceWith(post);
    post.removeAttribute('class');
    post.setAttribute('data-embed', 'post');
  }
}

/**
 * Tables used for page layout (old CMS templates put the navigation in one cell and the story in
 * another) become plain blocks, so that Readability can pick the story's cell alone. Data tables
 * (headers, captions, many short cells) are kept.
 */
function isLayoutTable(table: Element): boolean {
  if (table.getAttribute('role') === 'presentation') return true;
  if (table.querySelector('th, thead, caption, tfoot') !== null) return false;
  if (table.querySelector('table') !== null) return true;
  return Array.from(table.querySelectorAll('td')).some(
    (cell) => cell.querySelectorAll('br, p').length >= 4 && (cell.textContent ?? '').trim().length >= 300,
  );
}

/** Layout tables nested deeper than this in others are left as tables (a broken page nests hundreds). */
const MAX_LAYOUT_TABLE_DEPTH = 4;

function tableDepth(table: Element, root: Element): number {
  let depth = 0;
  for (let el = table.parentElement; el && el !== root; el = el.parentElement) if (el.localName === 'table') depth++;
  return depth;
}

function unwrapLayoutTables(root: Element): void {
  const doc = root.ownerDocument;
  for (const table of Array.from(root.querySelectorAll('table')).reverse()) {
    if (!table.isConnected || tableDepth(table, root) > MAX_LAYOUT_TABLE_DEPTH || !isLayoutTable(table)) continue;
    // Rebuilt while detached, then put back once: moving a subtree in the document costs its size.
    const placeholder = doc.createComment('');
    table.replaceWith(placeholder);
    const parts = Array.from(
      table.querySelectorAll(
        ':scope > tbody, :scope > thead, :scope > tfoot, :scope > tbody > tr, :scope > tr, :scope > tbody > tr > td, :scope > tr > td',
      ),
    );
    let rebuilt: Element = table;
    for (const part of [table, ...parts]) {
      const div = doc.createElement('div');
      div.append(...Array.from(part.childNodes));
      if (part === table) rebuilt = div;
      else part.replaceWith(div);
    }
    placeholder.replaceWith(rebuilt);
  }
}

/**
 * Readability drops any element whose class or id mentions "comment"; in a code listing that class
 * marks a code comment (`hljs-comment`, `token comment`), which is code. Elements the clutter
 * rules treat as exceptions keep their class under another name.
 */
function shieldExceptions(exceptions: Iterable<Element>): void {
  for (const shielded of exceptions) {
    for (const element of [shielded, ...Array.from(shielded.querySelectorAll('[class], [id]'))]) {
      for (const name of ['class', 'id']) {
        const value = element.getAttribute(name);
        if (value && /comment/i.test(value)) {
          element.setAttribute(`data-${name}`, value);
          element.removeAttribute(name);
        }
      }
    }
  }
}

export interface PrepareOptions {
  /** The probable article body: chrome that contains it is kept. */
  protect: readonly Element[];
  removed: RemovedCounts;
  /** Elements the clutter rules treat as exceptions (code and the like). */
  exceptions: Iterable<Element>;
  /** Elements matching `PAGE_CHROME_SELECTORS`, found by the caller's single classification walk. */
  chrome: Iterable<Element>;
}

/** Wrappers nested this deep in a chain (each its parent's only content) are unwrapped. */
const MAX_WRAPPER_CHAIN = 16;

/** An element whose only content is one element: no text, nothing beside it. */
function isPureWrapper(element: Element): boolean {
  const only = element.firstChild;
  return only !== null && only === element.lastChild && only.nodeType === 1;
}

/**
 * Chains of wrappers deeper than MAX_WRAPPER_CHAIN are cut to that depth: a broken or hostile page
 * may nest thousands (`<div><span>` repeated), and Readability's passes cost the depth times the
 * size (30 s on a 1,200-deep page in jsdom). Unwrapping a wrapper changes no text.
 */
export function collapseWrapperChains(root: Element, keep: (element: Element) => boolean): void {
  const stack: [Element, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [element, chain] = stack.pop() as [Element, number];
    const wrapper = isPureWrapper(element);
    if (wrapper && chain >= MAX_WRAPPER_CHAIN) {
      // The first element below that is no plain wrapper moves up here, once: moving it level by
      // level would move the deep subtree once per level.
      let inner = element.firstElementChild as Element;
      while (isPureWrapper(inner) && !keep(inner)) inner = inner.firstElementChild as Element;
      if (inner.parentElement !== element) element.replaceChildren(inner);
      stack.push([inner, 0]);
      continue;
    }
    for (let child = element.lastElementChild; child; child = child.previousElementSibling) {
      stack.push([child, wrapper ? chain + 1 : 0]);
    }
  }
}

export function prepareDocument(doc: InertDocument, options: PrepareOptions): void {
  const body = doc.body;
  if (!body) return;
  for (const script of Array.from(doc.querySelectorAll(DISCARDED))) {
    script.remove();
  }
  const kept = new Set<Element>([...options.protect, ...options.exceptions, ...options.chrome]);
  collapseWrapperChains(body, (element) => kept.has(element));
  unwrapLayoutTables(body);
  fixLazyImages(doc, body);
  liftEmbeddedPosts(body);
  shieldExceptions(options.exceptions);
  for (const element of options.chrome) {
    // A headline inside stays: Readability reads the title from the page's h1.
    if (!element.isConnected || isProtected(element, options.protect) || element.querySelector('h1')) continue;
    element.remove();
    countRemoval(options.removed, 'other');
  }
}
