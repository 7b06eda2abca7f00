/**
 * What clutter rules must never hide: the article body and every element around it, code (a
 * `.comment` span in a listing is not a comment thread), and the replies of forums and Q&A pages.
 */
import { hostOf } from '../shared/host';
import { DISCUSSION_PAGES } from './rules';
import { linkDensity, trimmedText } from './dom';
import { EXCEPTION } from './compile';
import { isWithin } from './selector-list';

/** Whether `element` is, or contains, one of the protected elements. */
export function isProtected(element: Element, protect: readonly Element[]): boolean {
  return protect.some((p) => p === element || element.contains(p));
}

/**
 * The exceptions (code) in a classification: never clutter, nor is anything inside them. Code never
 * holds the article body: an "exception" around a protected element is a page wrapper whose class
 * merely looks like code's (`language-en`, `highlight`), and shields nothing.
 */
export function shieldingExceptions(
  classified: readonly (readonly [Element, string])[],
  protect: readonly Element[],
): Set<Element> {
  const exceptions = new Set<Element>();
  for (const [element, tag] of classified)
    if (tag === EXCEPTION && !isProtected(element, protect)) exceptions.add(element);
  return exceptions;
}

export function isException(element: Element, exceptions: ReadonlySet<Element>): boolean {
  return isWithin(element, exceptions);
}

export interface AnchorOptions {
  /** Paragraphs not to count, e.g. those inside a comment thread that may outweigh the post. */
  exclude?: (paragraph: Element) => boolean;
}

const MIN_PARAGRAPH_CHARS = 25;

/**
 * The element that most likely holds the article body: the one whose own paragraphs (and, at half
 * weight, its children's) add up to the most prose, as Readability scores candidates but much
 * cheaper. Old CMS pages that separate paragraphs with `<br>` count their loose text too.
 */
export interface ProseParagraph {
  element: Element;
  /** Characters of text, whitespace collapsed. */
  length: number;
}

/** Paragraphs of prose under `root`: long enough, not mostly links, not excluded. */
export function proseParagraphs(root: ParentNode, exclude?: (paragraph: Element) => boolean): ProseParagraph[] {
  // The exclusion first: it is the cheap test, and skips long comment threads without reading them.
  const candidates = Array.from(root.querySelectorAll('p'));
  return proseOf(exclude ? candidates.filter((p) => !exclude(p)) : candidates);
}

/** The prose among `paragraphs` (`<p>` elements, in document order). */
export function proseOf(paragraphs: Iterable<Element>): ProseParagraph[] {
  const result: ProseParagraph[] = [];
  for (const element of paragraphs) {
    const length = trimmedText(element).length;
    if (length < MIN_PARAGRAPH_CHARS || linkDensity(element, length) > 0.5) continue;
    result.push({ element, length });
  }
  return result;
}

export function findBodyAnchor(
  root: ParentNode,
  options: AnchorOptions = {},
  paragraphs: readonly ProseParagraph[] = proseParagraphs(root, options.exclude),
): Element | null {
  const scores = new Map<Element, number>();
  const add = (element: Element | null, value: number): void => {
    if (element) scores.set(element, (scores.get(element) ?? 0) + value);
  };
  for (const { element: paragraph, length } of paragraphs) {
    add(paragraph.parentElement, length);
    add(paragraph.parentElement?.parentElement ?? null, length / 2);
  }
  const brParents = new Set<Element>();
  for (const br of Array.from(root.querySelectorAll('br'))) if (br.parentElement) brParents.add(br.parentElement);
  for (const parent of brParents) {
    if (options.exclude?.(parent)) continue;
    let loose = 0;
    for (const node of Array.from(parent.childNodes))
      if (node.nodeType === 3) loose += (node.nodeValue ?? '').trim().length;
    if (loose >= MIN_PARAGRAPH_CHARS * 4) add(parent, loose);
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [element, score] of scores) {
    if (score > bestScore) {
      best = element;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The body's anchor on a page walked by `classifyOutermost` (its outermost matches, and the
 * paragraphs the walk collected outside comment threads). Threads can outweigh the post, so they
 * never vote: neither their paragraphs nor the loose text of their `<br>`-separated replies.
 * Extraction and the live page both find the article this way; extraction also names the page's
 * furniture whose paragraphs never vote (a cookie notice's settings).
 */
export function anchorOutsideThreads(
  root: Element,
  classified: readonly (readonly [Element, string])[],
  paragraphs: readonly Element[],
  isFurniture?: (element: Element, tag: string) => boolean,
): { anchor: Element | null; prose: ProseParagraph[] } {
  const threads = new Set<Element>();
  const furniture = new Set<Element>();
  for (const [element, tag] of classified) {
    if (tag === 'comments') threads.add(element);
    else if (isFurniture?.(element, tag)) furniture.add(element);
  }
  const prose = proseOf(paragraphs);
  // A cookie notice's settings panel can hold more paragraphs than a short article or a list
  // page has: such furniture is never the body.
  const inFurniture = (el: Element): boolean => furniture.size > 0 && isWithin(el, furniture);
  const exclude = (el: Element): boolean => (threads.size > 0 && isWithin(el, threads)) || inFurniture(el);
  const voting = furniture.size > 0 ? prose.filter((p) => !inFurniture(p.element)) : prose;
  const anchor = findBodyAnchor(root, { exclude }, voting);
  return { anchor, prose };
}

/**
 * Thread addresses of common forum software: phpBB's viewtopic.php, vBulletin's showthread.php,
 * MyBB's thread-N.html, SMF's index.php?topic=, XenForo's /threads/slug.N/, Discourse's
 * /t/slug/N, Flarum's /d/N-slug, Invision's /topic/N-slug/.
 */
const DISCUSSION_ADDRESSES = DISCUSSION_PAGES.addresses.map((pattern) => new RegExp(pattern, 'i'));
/**
 * A forum's own host name (`forum.`, `boards.`, `community.`, `physicsforums.com`): some forum
 * software marks a thread up as an article with comments and has addresses of its own.
 */
const DISCUSSION_HOSTS = DISCUSSION_PAGES.hosts.map((pattern) => new RegExp(pattern, 'i'));

function pathAndQuery(url: string): string {
  try {
    const address = new URL(url);
    return address.pathname + address.search;
  } catch {
    return '';
  }
}

/**
 * Forums and Q&A pages: their replies are the content. Known from the generator the forum software
 * declares, the schema.org type of the page, an address of a thread in common forum software, or
 * a host that names itself a forum.
 */
export function isDiscussionPage(doc: Document, url: string = doc.URL): boolean {
  const path = pathAndQuery(url);
  if (DISCUSSION_ADDRESSES.some((pattern) => pattern.test(path))) return true;
  const host = hostOf(url);
  if (DISCUSSION_HOSTS.some((pattern) => pattern.test(host))) return true;
  const generator = doc.querySelector('meta[name="generator" i]')?.getAttribute('content')?.toLowerCase() ?? '';
  if (DISCUSSION_PAGES.generators.some((name) => generator.startsWith(name))) return true;
  const types = DISCUSSION_PAGES.schemaTypes;
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    const text = script.textContent ?? '';
    if (types.some((type) => text.includes(`"${type}"`))) return true;
  }
  return Array.from(doc.querySelectorAll('[itemtype]')).some((el) =>
    types.some((type) => (el.getAttribute('itemtype') ?? '').endsWith(`/${type}`)),
  );
}
