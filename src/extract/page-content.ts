/**
 * The main content of a page that is not one article: a product, a service, a list of items, a
 * documentation page. Readability keeps the single best container and loses the rest; here the
 * page's furniture is left out instead and what remains is the content: the `<main>` landmark when
 * the page has one, without navigation, site header and footer, menus, forms, filter panels and
 * pickers (blocks of checkbox and radio labels), modals, and the clutter rules'
 * matches (comments, related links, share bars, newsletters, ads).
 *
 * It reads the page once and copies only what it keeps: one walk measures every element's text and
 * links, a second copies the kept elements into a new inert document.
 */
import { classifyOutermost, EXCEPTION, findTextSignals, isProtected, type CompiledClutter } from '../clutter';
import { createInertDocument } from './inert-document';
import { fixLazyImages } from './lazy-images';
import { countWords } from './reading-time';
import { removeProductFurniture } from './product-furniture';
import { removeRepeatedBlocks } from './repeated-blocks';

/** Never content: code, styles, embedded objects and form controls. */
const DISCARDED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'canvas',
  'iframe',
  'object',
  'embed',
  'button',
  'select',
  'textarea',
  'input',
  'option',
  'link',
  'meta',
  'dialog',
]);

/** Landmarks of the whole site, unless they are inside the content. */
const SITE_LANDMARKS = new Set(['header', 'aside']);
const SITE_ROLES = new Set([
  'complementary',
  'navigation',
  'banner',
  'contentinfo',
  'search',
  'dialog',
  'menu',
  'menubar',
]);

/**
 * An overlay that takes over the page when it opens. A "dialog" that is not modal (a product's
 * description in a side sheet, `aria-modal="false"`) may well hold the content.
 */
const MODAL = 'dialog:not([open]), [aria-modal="true" i]';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** A `<main>` must hold this share of the page's text to be taken as the content. */
const MAIN_SHARE = 0.3;
/** A menu: mostly links (this share of its text)… */
const MENU_LINK_SHARE = 0.7;
/** …of a few words each, and little text besides. */
const MENU_WORDS_PER_LINK = 4;
const MENU_MAX_OTHER_CHARS = 200;
/**
 * A count right after a link ("Hiking (12)", "2008 (123)") is part of it: a filter panel's facets
 * and a blog's archive are menus of such links, though their counts are not linked.
 */
const LINK_COUNT = /^\(\s*\d[\d.,\s]*\)$/;
/** A form is furniture (a size picker, "notify me", a search box) unless it holds this share of the page. */
const FORM_SHARE = 0.3;

interface Measure {
  chars: number;
  linkChars: number;
  links: number;
  linkWords: number;
  /** Headings and pictures: what a list of cards has and a menu has not. */
  cardParts: number;
  /** Labels of checkboxes and radio buttons, and their text: a filter panel's or a size picker's. */
  choices: number;
  choiceChars: number;
}

const CHOICE_BLOCKS = new Set(['ul', 'ol', 'dl', 'div', 'fieldset', 'section', 'p']);
const CARD_PARTS = new Set(['h2', 'h3', 'h4', 'h5', 'h6', 'img', 'picture']);
/** A run of links with this many headings or pictures is a list of cards, not a menu. */
const MIN_CARD_PARTS = 3;

const CHOICE_INPUT = 'input[type="checkbox" i], input[type="radio" i]';
/** A block of this many choices… */
const MIN_CHOICES = 3;
/** …holding little text besides their labels is a filter panel or a picker (sizes, colours), not content. */
const CHOICE_SHARE = 0.6;

/** Whether a label names a checkbox or radio button, holding it or pointing to it. */
function isChoiceLabel(label: Element, choiceIds: ReadonlySet<string>): boolean {
  if (label.querySelector(CHOICE_INPUT)) return true;
  const target = label.getAttribute('for');
  return target !== null && choiceIds.has(target);
}

/** The element just before `node` among its siblings, if no text stands between them. */
function elementBefore(node: Node): Element | null {
  for (let sibling = node.previousSibling; sibling; sibling = sibling.previousSibling) {
    if (sibling.nodeType === ELEMENT_NODE) return sibling as Element;
    if (sibling.nodeType === TEXT_NODE && (sibling.nodeValue ?? '').trim()) return null;
  }
  return null;
}

/** Whether a text follows a link: `<a>News</a> (12)`, or in an element of its own, `<a>News</a><span>(12)</span>`. */
function followsLink(text: Node): boolean {
  const parent = text.parentElement;
  const before =
    elementBefore(text) ??
    (parent && parent.textContent?.trim() === text.nodeValue?.trim() ? elementBefore(parent) : null);
  return before !== null && (before.localName === 'a' || before.querySelector('a[href]') !== null);
}

/** Text, link text, links and link words of every element under `root`, children before parents. */
function measureTree(root: Element): Map<Element, Measure> {
  const measures = new Map<Element, Measure>();
  const choiceIds = new Set(Array.from(root.querySelectorAll(CHOICE_INPUT), (input) => input.id).filter(Boolean));
  const visit = (element: Element, inLink: boolean): Measure => {
    const isLink = element.localName === 'a';
    const m: Measure = {
      chars: 0,
      linkChars: 0,
      links: isLink ? 1 : 0,
      linkWords: 0,
      cardParts: CARD_PARTS.has(element.localName) ? 1 : 0,
      choices: 0,
      choiceChars: 0,
    };
    for (let node = element.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === ELEMENT_NODE) {
        const child = node as Element;
        if (DISCARDED.has(child.localName)) continue;
        const c = visit(child, inLink || isLink);
        m.chars += c.chars;
        m.linkChars += c.linkChars;
        m.links += c.links;
        m.linkWords += c.linkWords;
        m.cardParts += c.cardParts;
        m.choices += c.choices;
        m.choiceChars += c.choiceChars;
      } else if (node.nodeType === TEXT_NODE) {
        const text = (node.nodeValue ?? '').replace(/\s+/g, ' ').trim();
        m.chars += text.length;
        if (!inLink && !isLink && LINK_COUNT.test(text) && followsLink(node)) m.linkChars += text.length;
        if (inLink || isLink) {
          m.linkChars += text.length;
          m.linkWords += text ? text.split(' ').length : 0;
        }
      }
    }
    if (element.localName === 'label' && isChoiceLabel(element, choiceIds)) {
      m.choices = 1;
      m.choiceChars = m.chars;
    }
    measures.set(element, m);
    return m;
  };
  visit(root, false);
  return measures;
}

function isMenu(m: Measure): boolean {
  return (
    m.links >= 3 &&
    m.chars > 0 &&
    m.cardParts < MIN_CARD_PARTS &&
    m.linkChars >= m.chars * MENU_LINK_SHARE &&
    m.chars - m.linkChars <= MENU_MAX_OTHER_CHARS &&
    m.linkWords / m.links < MENU_WORDS_PER_LINK
  );
}

/** A filter panel (brands, price bands) or a picker (sizes, colours): mostly the labels of its choices. */
function isChoices(m: Measure): boolean {
  return m.choices >= MIN_CHOICES && m.choiceChars >= m.chars * CHOICE_SHARE;
}

/** The `<main>` landmark when there is exactly one that holds a fair share of the page's text. */
function mainLandmark(body: Element, measures: ReadonlyMap<Element, Measure>): Element | null {
  const mains = Array.from(body.querySelectorAll('main, [role="main" i]')).filter(
    (m) => !m.parentElement?.closest('main, [role="main" i]'),
  );
  if (mains.length !== 1) return null;
  const main = mains[0] as Element;
  const all = measures.get(body)?.chars ?? 0;
  return all > 0 && (measures.get(main)?.chars ?? 0) >= all * MAIN_SHARE ? main : null;
}

export interface PageContentOptions {
  /**
   * The page's outermost matches of the clutter rules and page chrome, tagged by category (as
   * `classifyOutermost` gives them): left out, comment threads included (a reader who keeps them
   * gets the article path's, appended after the content).
   */
  classified: readonly (readonly [Element, string])[];
  /** Elements that are content whatever a rule says (the article body the guard found). */
  protect: readonly Element[];
  compiled: CompiledClutter;
  /** The page declares a product: its reviews and other products' carousels are left out too. */
  isProduct: boolean;
  /** Filled with the texts of the product's sections left out by their headings (its reviews). */
  sectionsLeftOut?: string[];
}

/** Bound on the text nodes the text signals read in the copy. */
const MAX_TEXT_NODES = 60_000;

/**
 * Blocks that only their text gives away: a list headed "Related articles", an "Advertisement"
 * label, a "Read more:" line. The copy holds the content only, so the article guard is not needed.
 */
function removeTextSignals(container: Element, options: PageContentOptions): void {
  const { compiled } = options;
  const signals = findTextSignals(container, compiled, {
    categories: compiled.categories,
    protect: [],
    exceptions: new Set(),
    maxTextNodes: MAX_TEXT_NODES,
  });
  for (const signal of signals) for (const element of signal.elements) element.remove();
}

/**
 * The outermost matches to leave out. A match around the protected article body is not clutter but
 * may hold some beside the body (a thread inside a page wrapper a rule matched), and a wrapper that
 * merely looks like code (`language-en`) may too: their own matches are looked for inside them.
 */
function leftOutMatches(
  classified: readonly (readonly [Element, string])[],
  options: PageContentOptions,
): Set<Element> {
  const left = new Set<Element>();
  for (const [element, tag] of classified) {
    const guarded = isProtected(element, options.protect);
    if (tag === EXCEPTION && !guarded) continue;
    if (!guarded) left.add(element);
    else for (const inner of leftOutMatches(classifyOutermost(element, options.compiled), options)) left.add(inner);
  }
  return left;
}

/**
 * A modal's text (a privacy policy, a size guide behind a button) may be the longest prose of a
 * shop's page, but it is never the page's content: an article body found inside one guards nothing.
 */
function withoutModals(given: PageContentOptions): PageContentOptions {
  return { ...given, protect: given.protect.filter((element) => element.closest(MODAL) === null) };
}

/**
 * Whether the page's content could hold more than `limit` words, told without copying anything:
 * every text the copy could keep counts (all but the rules' matches, code and controls), word by
 * word per text node, which is never fewer than the copy's text has, and counting stops past the
 * limit. On an article page Readability's pick is nearly always the content, and this spares the
 * page the measuring and the copy.
 */
export function mayHoldMoreWords(doc: Document, given: PageContentOptions, limit: number): boolean {
  const body = doc.body;
  if (!body) return false;
  const options = withoutModals(given);
  const skipped = leftOutMatches(options.classified, options);
  const isLeftOut = (element: Element): boolean =>
    skipped.has(element) || (DISCARDED.has(element.localName) && !isProtected(element, options.protect));
  let words = 0;
  for (let node: Node | null = body.firstChild; node;) {
    let enter = false;
    if (node.nodeType === TEXT_NODE) {
      words += countWords(node.nodeValue ?? '');
      if (words > limit) return true;
    } else if (node.nodeType === ELEMENT_NODE) enter = !isLeftOut(node as Element);
    node = nextInOrder(node, body, enter);
  }
  return false;
}

/** The node after `node` under `root` in document order, into its children only when `enter`. */
function nextInOrder(node: Node, root: Node, enter: boolean): Node | null {
  if (enter && node.firstChild) return node.firstChild;
  for (let at: Node | null = node; at && at !== root; at = at.parentNode) if (at.nextSibling) return at.nextSibling;
  return null;
}

/**
 * The page's content, copied into a new inert document: the container to read text and HTML from,
 * or null when the page has no body.
 */
export function extractPageContent(doc: Document, given: PageContentOptions): Element | null {
  const body = doc.body;
  if (!body) return null;
  const options = withoutModals(given);
  const measures = measureTree(body);
  const main = mainLandmark(body, measures);
  const root = main ?? body;
  const total = measures.get(root)?.chars ?? 0;
  const skipped = leftOutMatches(options.classified, options);
  const inContent = (element: Element): boolean => element.closest('article, main, [role="main" i]') !== null;

  const isLeftOut = (element: Element): boolean => {
    const tag = element.localName;
    if (skipped.has(element)) return true;
    if (DISCARDED.has(tag)) return !isProtected(element, options.protect);
    // A modal (a policy, a size guide, a sign-up) is an overlay, marked so with or without its role.
    if (
      SITE_ROLES.has((element.getAttribute('role') ?? '').toLowerCase()) ||
      element.getAttribute('aria-modal') === 'true'
    )
      return !isProtected(element, options.protect);
    if (SITE_LANDMARKS.has(tag) && main === null && !inContent(element)) return !isProtected(element, options.protect);
    const m = measures.get(element);
    if (!m) return false;
    if (tag === 'form') return m.chars < total * FORM_SHARE && element.querySelector('h1') === null;
    if (isChoices(m) && CHOICE_BLOCKS.has(tag)) return true;
    return (tag === 'ul' || tag === 'ol' || tag === 'div' || tag === 'p') && isMenu(m);
  };

  const copy = createInertDocument(doc);
  const container = copy.createElement('div');
  copy.body.append(container);
  const copyChildren = (from: Element, to: Element): void => {
    for (let node = from.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === TEXT_NODE) {
        to.append(copy.importNode(node, false));
      } else if (node.nodeType === ELEMENT_NODE) {
        const element = node as Element;
        if (isLeftOut(element)) continue;
        const clone = copy.importNode(element, false);
        to.append(clone);
        copyChildren(element, clone);
      }
    }
  };
  copyChildren(root, container);
  if (options.isProduct) {
    const sections = removeProductFurniture(container);
    options.sectionsLeftOut?.push(...sections);
  }
  removeTextSignals(container, options);
  removeRepeatedBlocks(container);
  fixLazyImages(copy, container);
  return container;
}
