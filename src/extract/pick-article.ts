/**
 * From the page to Readability's pick: find the page's outermost clutter and the region around
 * the body, copy the region, prepare the copy, remove clutter from it and run Readability. If the
 * region proves too narrow (Readability finds little in it), the whole body is tried instead.
 */
import {
  anchorOutsideThreads,
  classifyOutermost,
  classifyRegion,
  findBodyAnchor,
  isWithin,
  shieldingExceptions,
  type ClutterCategory,
  type CompiledClutter,
  type ProseParagraph,
} from '../clutter';
import { collectCaptionTexts } from './captions';
import { removeClutter } from './clutter-pass';
import { prepareDocument } from './prepare';
import { copyRegion, findRegion } from './region';
import { countRemoval, noRemovals, type RemovalCategory } from './removal-counts';
import { runReadability, type ReadabilityPick } from './run-readability';
import type { RemovedCounts } from './types';

/** The tag of page chrome in the classification (see PAGE_CHROME_SELECTORS). */
export const CHROME = 'chrome';
/** Bound on the text nodes the clutter rules read on the page. */
const MAX_TEXT_NODES = 60_000;
/** A pick with less text than this from a narrowed copy is retried on the whole body. */
const MIN_PICK_CHARS = 500;

type Classified = readonly (readonly [Element, string])[];

export interface PickOptions {
  keepComments: boolean;
  onStep: (step: string, root: Element) => void;
}

export interface Pick {
  pick: ReadabilityPick;
  /** Texts of captions, read before Readability rewrote them. */
  captions: ReadonlySet<string>;
  /** Comment threads kept aside (with `keepComments`), to append to the article. */
  threads: Element[];
  removed: RemovedCounts;
  /** Whether the page's prose sits in one part of it (the region Readability read is not the whole body). */
  proseInOnePart: boolean;
}

/** Elements of the classification with one tag. */
export function tagged(classified: Classified, tag: string): Set<Element> {
  const set = new Set<Element>();
  for (const [element, t] of classified) if (t === tag) set.add(element);
  return set;
}

/**
 * Clutter and chrome outside the copied region, from the page's outermost matches: never copied,
 * counted as removed. A match around the region is not clutter (the guard keeps it), but what it
 * holds beside the region may be: a comment thread in a page wrapper that a rule matched. (Inside
 * the region such a wrapper is not copied either, so its clutter goes there too.)
 */
function clutterOutside(outer: Classified, region: Element, compiled: CompiledClutter): [Element, RemovalCategory][] {
  const result: [Element, RemovalCategory][] = [];
  for (const [element, tag] of outer) {
    if (element !== region && element.contains(region)) {
      result.push(...clutterOutside(classifyOutermost(element, compiled), region, compiled));
      continue;
    }
    if (tag !== CHROME && !compiled.categories.includes(tag as ClutterCategory)) continue;
    if (region.contains(element) || element.contains(region)) continue;
    result.push([element, tag === CHROME ? 'other' : (tag as ClutterCategory)]);
  }
  return result;
}

/** The copied region: at the end of the chain of shallow ancestors under the copy's body. */
function copiedRegion(copyBody: Element, region: Element): Element {
  const body = region.ownerDocument.body;
  if (region === body) return copyBody;
  let node: Element = copyBody;
  for (let el: Element | null = region; el && el !== body; el = el.parentElement)
    node = node.lastElementChild as Element;
  return node;
}

/**
 * From an element of the page to its copy: the region and its copy have the same shape, so an
 * element's path of child positions under the region leads to its copy. Only the parents on the
 * way are read (a position list per parent, once), not the whole region.
 */
function copyMapping(region: Element, copyBody: Element): (element: Element) => Element | undefined {
  const copyRoot = copiedRegion(copyBody, region);
  const positions = new Map<Element, Map<Element, number>>();
  const positionOf = (element: Element, parent: Element): number | undefined => {
    let children = positions.get(parent);
    if (!children) {
      children = new Map();
      let i = 0;
      for (let child = parent.firstElementChild; child; child = child.nextElementSibling) children.set(child, i++);
      positions.set(parent, children);
    }
    return children.get(element);
  };
  return (element) => {
    if (!region.contains(element)) return undefined;
    const path: number[] = [];
    for (let el: Element = element; el !== region;) {
      const parent = el.parentElement;
      if (!parent) return undefined;
      const position = positionOf(el, parent);
      if (position === undefined) return undefined;
      path.push(position);
      el = parent;
    }
    let copy: Element | undefined = copyRoot;
    for (let i = path.length - 1; i >= 0 && copy; i--) copy = copy.children[path[i] as number];
    return copy && copy.tagName === element.tagName ? copy : undefined;
  };
}

function mapClassification(
  classified: Classified,
  toCopy: (element: Element) => Element | undefined,
): [Element, string][] {
  const result: [Element, string][] = [];
  for (const [element, tag] of classified) {
    const copy = toCopy(element);
    if (copy) result.push([copy, tag]);
  }
  return result;
}

function pickFromRegion(
  doc: Document,
  region: Element,
  pageAnchor: Element | null,
  outer: Classified,
  compiled: CompiledClutter,
  options: PickOptions,
): Pick | null {
  const removed = noRemovals();
  const outside = clutterOutside(outer, region, compiled);
  // A thread kept for the reader is not removed.
  for (const [, category] of outside)
    if (!(category === 'comments' && options.keepComments)) countRemoval(removed, category);
  const copy = copyRegion(doc, region);
  const copyBody = copy.body;
  options.onStep('copy', copyBody);
  const toCopy = copyMapping(region, copyBody);
  // Inside the region every match counts, nested ones too: the guards may keep an outer one.
  const classified = mapClassification(classifyRegion(region, outer, compiled), toCopy);
  const commentThreads = tagged(classified, 'comments');
  const anchor =
    (pageAnchor && toCopy(pageAnchor)) ??
    findBodyAnchor(copyBody, { exclude: (p) => commentThreads.size > 0 && isWithin(p, commentThreads) });
  const protect = anchor ? [anchor] : [];
  options.onStep('anchor', copyBody);
  prepareDocument(copy, {
    protect,
    removed,
    exceptions: shieldingExceptions(classified, protect),
    chrome: tagged(classified, CHROME),
  });
  options.onStep('prepare', copyBody);
  const threads = removeClutter(copyBody, compiled, {
    protect,
    keepComments: options.keepComments,
    removed,
    maxTextNodes: MAX_TEXT_NODES,
    classified,
  });
  if (options.keepComments) {
    for (const [element, category] of outside)
      if (category === 'comments') threads.push(copy.importNode(element, true));
  }
  options.onStep('clutter', copyBody);
  const captions = collectCaptionTexts(copyBody);
  options.onStep('captions', copyBody);
  const pick = runReadability(copy);
  options.onStep('readability', pick?.content ?? copyBody);
  return pick ? { pick, captions, threads, removed, proseInOnePart: region !== doc.body } : null;
}

/** The page read once: its outermost clutter and chrome, and the element that holds its prose. */
export interface PageReading {
  outer: [Element, string][];
  anchor: Element | null;
  prose: ProseParagraph[];
}

/**
 * A cookie or consent notice among the page chrome. Other chrome may hold the content (a product's
 * details in a dialog), but a notice's settings never do, however many paragraphs they have.
 */
const CONSENT_NOTICE = /cookie|consent|onetrust|cookiebot|gdpr|\bcc-window\b/i;
function isConsentNotice(element: Element, tag: string): boolean {
  return tag === CHROME && CONSENT_NOTICE.test(`${element.id} ${element.getAttribute('class') ?? ''}`);
}

export function readPage(doc: Document, compiled: CompiledClutter): PageReading {
  const body = doc.body as HTMLElement;
  // One walk over the page finds its outermost clutter and its paragraphs, which find the body
  // (comment threads never vote). The page is read, not changed.
  const paragraphs: Element[] = [];
  const outer = classifyOutermost(body, compiled, paragraphs);
  const { anchor, prose } = anchorOutsideThreads(body, outer, paragraphs, isConsentNotice);
  return { outer, anchor, prose };
}

export function pickArticle(
  doc: Document,
  reading: PageReading,
  compiled: CompiledClutter,
  options: PickOptions,
): Pick | null {
  const body = doc.body as HTMLElement;
  const { outer, anchor, prose } = reading;
  const region = findRegion(body, anchor, prose);
  options.onStep('region', region);
  const narrow = pickFromRegion(doc, region, anchor, outer, compiled, options);
  const enough = (narrow?.pick.content.textContent ?? '').trim().length >= MIN_PICK_CHARS;
  if (region === body || enough) return narrow;
  return pickFromRegion(doc, body, anchor, outer, compiled, options) ?? narrow;
}
