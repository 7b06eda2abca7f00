/** The article as a sequence of innermost blocks: what a reader sees as paragraphs. */
import { linkDensity, trimmedText } from '../clutter/dom';

/** Elements a reader sees as blocks (text breaks at their edges; block-text.ts adds table parts). */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'UL',
]);

/** Kept whole: their inside is one unit for a reader. */
const ATOMIC_TAGS = new Set(['PRE', 'TABLE', 'BLOCKQUOTE', 'FIGURE', 'DL']);

export function isBlock(element: Element): boolean {
  return BLOCK_TAGS.has(element.tagName.toUpperCase());
}

/**
 * `root` and the elements under it that hold a block somewhere inside: one walk over the subtree
 * instead of a query per element (which made the clean-up passes quadratic on deep pages). A
 * walk testing each tag against a set costs a third less than a 30-tag selector list in Chromium.
 */
function blockHolders(root: Element): Set<Element> {
  const holders = new Set<Element>();
  const all = root.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) {
    const block = all[i] as Element;
    if (!isBlock(block)) continue;
    for (let el = block.parentElement; el && !holders.has(el); el = el.parentElement) {
      holders.add(el);
      if (el === root) break;
    }
  }
  return holders;
}

/** Innermost blocks in document order; pre, tables, quotes, figures and lists of terms count as one. */
export function innermostBlocks(root: Element): Element[] {
  const result: Element[] = [];
  const holders = blockHolders(root);
  const hasBlockChild = (element: Element): boolean => holders.has(element);
  const visit = (element: Element): void => {
    for (const child of Array.from(element.children)) {
      if (!isBlock(child)) {
        if (hasBlockChild(child)) visit(child);
        continue;
      }
      if (ATOMIC_TAGS.has(child.tagName.toUpperCase()) || !hasBlockChild(child)) result.push(child);
      else visit(child);
    }
  };
  visit(root);
  return result;
}

export interface BlockInfo {
  element: Element;
  text: string;
  linkDensity: number;
}

export function describe(element: Element): BlockInfo {
  const text = trimmedText(element);
  return { element, text, linkDensity: linkDensity(element, text.length) };
}

/** Removes `element`, then any ancestor left without text or media, up to `root`. */
export function removeBlock(element: Element, root: Element): void {
  let parent: Element | null = element.parentElement;
  element.remove();
  while (parent && parent !== root && isEmptyWrapper(parent)) {
    const next: Element | null = parent.parentElement;
    parent.remove();
    parent = next;
  }
}

/** What makes a block more than its text: pictures, players, maths, tables, code. */
export const MEDIA = 'img, picture, video, audio, iframe, svg, math, canvas, object, embed, table, hr, pre';

export function isEmptyWrapper(element: Element): boolean {
  return trimmedText(element) === '' && element.querySelector(MEDIA) === null && !element.matches(MEDIA);
}

/** Containers whose loose text cannot become a paragraph (their children have fixed roles). */
const NOT_WRAPPABLE = new Set([
  'UL',
  'OL',
  'DL',
  'TABLE',
  'THEAD',
  'TBODY',
  'TFOOT',
  'TR',
  'PRE',
  'PICTURE',
  'FIGURE',
  'SELECT',
]);

/**
 * Text that sits loose beside blocks (`<div>Updated 4 pm<p>…</p></div>`) becomes a paragraph of
 * its own, as Readability does for the `div`s it visits, so every line is a block the clean-up
 * can judge.
 */
export function wrapLooseText(root: Element): void {
  const doc = root.ownerDocument;
  // Wrapping moves only phrasing content into new paragraphs of containers already holding a
  // block, so which elements hold a block does not change while this runs, and the containers
  // can be wrapped in any order.
  const holders = blockHolders(root);
  const hasBlockChild = (element: Element): boolean => holders.has(element);
  for (const container of holders) {
    if (NOT_WRAPPABLE.has(container.tagName.toUpperCase())) continue;
    let run: ChildNode[] = [];
    const flush = (): void => {
      if (run.some((node) => (node.textContent ?? '').trim() !== '')) {
        const p = doc.createElement('p');
        (run[0] as ChildNode).before(p);
        p.append(...run);
      }
      run = [];
    };
    for (const node of Array.from(container.childNodes)) {
      const isPhrasing =
        node.nodeType === 3 || (node.nodeType === 1 && !isBlock(node as Element) && !hasBlockChild(node as Element));
      if (isPhrasing) run.push(node);
      else flush();
    }
    flush();
  }
}
