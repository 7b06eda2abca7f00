/**
 * What selectors cannot express: a block headed "Comments" or "Related articles", an
 * "Advertisement" label, a "READ MORE:" lead-in before a link. Found by reading short texts only,
 * so the cost grows with the number of text nodes, not with the size of the page's text.
 */
import type { CompiledClutter } from './compile';
import {
  ELEMENT_NODE,
  firstContentChild,
  hasTextBefore,
  isBefore,
  isHeading,
  isRootLike,
  lastNodeIn,
  linkDensity,
  linkedChars,
  outermostInOrder,
  TEXT_NODE,
  trimmedText,
} from './dom';
import { isProtected } from './guard';
import { playerOf } from './player';
import { normaliseLabel } from './normalise';
import type { ClutterCategory } from './types';

export type SignalKind = 'heading' | 'label' | 'lead-in';

export interface TextSignal {
  /** The block to hide: one element, or a heading and the siblings it introduces. */
  elements: Element[];
  category: ClutterCategory;
  by: SignalKind;
}

export interface TextSignalOptions {
  categories: readonly ClutterCategory[];
  protect: readonly Element[];
  /** Elements inside which nothing is clutter (see `shieldingExceptions`): not read. */
  exceptions: ReadonlySet<Element>;
  /** Subtrees already known to be clutter (selector matches): not read either. */
  skip?: ReadonlySet<Element>;
  /** Stop reading after this many text nodes (a bound for pathological pages). */
  maxTextNodes?: number;
}

/** Long enough for a blog's follow-by-email line in the longer languages (Spanish runs to ~135). */
const MAX_LABEL_CHARS = 150;
const MAX_LEAD_IN_BLOCK_CHARS = 250;
/** Text of a block that is prose rather than clutter, whatever its heading says. */
const PROSE_CHARS = 300;
const BLOCK_TAGS = new Set([
  'P',
  'LI',
  'DIV',
  'SECTION',
  'ASIDE',
  'DD',
  'BLOCKQUOTE',
  'FIGURE',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
]);
const LABEL_TAGS = new Set([
  'DIV',
  'P',
  'SPAN',
  'STRONG',
  'B',
  'EM',
  'HEADER',
  'LEGEND',
  'DT',
  'SUMMARY',
  'LABEL',
  'A',
  'BUTTON',
  'LI',
]);

/** Whether `node` holds any non-blank text; stops at the first it finds. */
function hasText(node: Node): boolean {
  if (node.nodeType === TEXT_NODE) return (node.nodeValue ?? '').trim() !== '';
  if (node.nodeType !== ELEMENT_NODE) return false;
  const walker = (node.ownerDocument as Document).createTreeWalker(node, 4 /* NodeFilter.SHOW_TEXT */);
  for (let text = walker.nextNode(); text; text = walker.nextNode())
    if ((text.nodeValue ?? '').trim() !== '') return true;
  return false;
}

/**
 * Climbs from a text node to the largest element whose only text is that text: the label's
 * wrapper (`<div class="ad"><span>Advertisement</span></div>`). Checks siblings for text rather than
 * reading each ancestor's whole text, so a label deep in a big page costs little.
 */
function labelElement(text: Text, root: Element): Element | null {
  let element: Element | null = text.parentElement;
  if (!element) return null;
  let from: Node = text;
  for (;;) {
    for (const sibling of Array.from(element.childNodes))
      if (sibling !== from && hasText(sibling)) return from === text ? element : (from as Element);
    const parent: Element | null = element.parentElement;
    if (!parent || element === root || parent === root || isRootLike(parent)) return element;
    from = element;
    element = parent;
  }
}

function hasCommentStructure(block: Element): boolean {
  return (
    trimmedText(block).length < PROSE_CHARS ||
    block.querySelector(
      'form, textarea, iframe, time, [class*="comment" i], [id*="comment" i], [class*="avatar" i]',
    ) !== null ||
    block.querySelectorAll('li, article').length >= 2
  );
}

/**
 * Whether a block introduced by a clutter heading is shaped like clutter rather than prose: mostly
 * links, a form or player, or nothing much besides the heading. Prose never is, so a subheading
 * that happens to read "Related" keeps the paragraphs under it.
 */
function looksLikeClutter(block: Element, category: ClutterCategory, headingText: string): boolean {
  if (category === 'comments') return hasCommentStructure(block);
  const text = trimmedText(block);
  if (text.length - headingText.length < 40) return true;
  if (linkDensity(block, text.length) >= 0.4) return true;
  return text.length < 1000 && block.querySelector('form, input, textarea, button, iframe, video, audio') !== null;
}

function startsWithHeading(element: Element): boolean {
  if (isHeading(element)) return true;
  const firstChild = firstContentChild(element);
  return firstChild !== null && !hasTextBefore(element, firstChild) && isHeading(firstChild);
}

/** The block a heading introduces: its container, or the heading and the siblings after it. */
export function blockHeadedBy(
  heading: Element,
  category: ClutterCategory,
  root: Element,
  protect: readonly Element[],
): Element[] {
  const chain: Element[] = [heading];
  for (let block = heading; ;) {
    const parent = block.parentElement;
    if (!parent || parent === root || isRootLike(parent) || isProtected(parent, protect)) break;
    if (firstContentChild(parent) !== block || hasTextBefore(parent, block)) break;
    chain.push(parent);
    block = parent;
  }
  const headingText = trimmedText(heading);
  // The largest container that is clutter-shaped; a wrapper of the heading alone is not enough.
  for (let i = chain.length - 1; i >= 0; i--) {
    const block = chain[i] as Element;
    if (trimmedText(block) === headingText) return [block, ...cluttersAfter(block, category, protect)];
    if (looksLikeClutter(block, category, headingText) && !isProtected(block, protect)) return [block];
  }
  return [];
}

/** The heading's siblings that belong to its block: clutter-shaped, up to the next heading. */
function cluttersAfter(heading: Element, category: ClutterCategory, protect: readonly Element[]): Element[] {
  const result: Element[] = [];
  let sibling = heading.nextElementSibling;
  if (!sibling) return result;
  for (; sibling; sibling = sibling.nextElementSibling) {
    if (startsWithHeading(sibling) || isProtected(sibling, protect)) break;
    if (trimmedText(sibling) === '' && sibling.querySelector('img, picture, video, figure')) break;
    if (!looksLikeClutter(sibling, category, '')) break;
    result.push(sibling);
  }
  return result;
}

/** A label inside running text ("click here" in a sentence) is part of the sentence. */
function isInRunningText(element: Element): boolean {
  const parent = element.parentElement;
  if (!parent || BLOCK_TAGS.has(element.tagName.toUpperCase())) return false;
  for (const node of Array.from(parent.childNodes)) {
    if (node !== element && node.nodeType === TEXT_NODE && /[\p{L}\p{N}]/u.test(node.nodeValue ?? '')) return true;
  }
  return false;
}

function isLabelLike(element: Element): boolean {
  return isHeading(element) || LABEL_TAGS.has(element.tagName.toUpperCase());
}

function blockOf(text: Text, root: Element): Element | null {
  for (let el = text.parentElement; el && el !== root; el = el.parentElement) {
    if (BLOCK_TAGS.has(el.tagName.toUpperCase())) return el;
  }
  return null;
}

function leadInSignal(
  text: Text,
  compiled: CompiledClutter,
  options: TextSignalOptions,
  root: Element,
): TextSignal | null {
  const block = blockOf(text, root);
  if (!block || isRootLike(block)) return null;
  const blockText = trimmedText(block);
  if (blockText.length > MAX_LEAD_IN_BLOCK_CHARS || !blockText.startsWith((text.nodeValue ?? '').trim())) return null;
  const normalised = normaliseLabel(blockText);
  for (const [category, matcher] of compiled.leadIns) {
    if (!options.categories.includes(category)) continue;
    const lead = matcher.match(normalised);
    if (lead < 0) continue;
    const rest = blockText.length - lead;
    if (rest > 0 && Math.min(linkedChars(block), rest) / rest >= 0.6)
      return { elements: [block], category, by: 'lead-in' };
    // "WATCH: <title>" with no link: a teaser when a player holds it or follows it, never prose.
    if (category === 'promos') {
      const player = playerOf(block, blockText, options.protect);
      // A player a selector matched already is hidden by that match.
      const alone = player === block || (player !== null && options.skip?.has(player) === true);
      if (player) return { elements: alone ? [block] : [block, player], category, by: 'lead-in' };
    }
  }
  return null;
}

/**
 * The text the label element is judged by, or null when it is prose that opens with a label's
 * words: the label alone when the rest of the element is links ("Related post: <a>…</a>", a
 * linked "Subscribe to …"), else the element's whole text if that still reads as a label.
 */
function wholeLabel(label: Element, raw: string, normalised: string, compiled: CompiledClutter): string | null {
  const text = trimmedText(label);
  if (text === raw) return normalised;
  const rest = text.length - raw.length;
  const linked = label.closest('a') ? text.length : linkedChars(label);
  if (rest > 0 && Math.min(linked, rest) / rest >= 0.6) return normalised;
  if (text.length > MAX_LABEL_CHARS) return null;
  const whole = normaliseLabel(text);
  return compiled.anyLabel.test(whole) ? whole : null;
}

/**
 * Text nodes under `root` in document order, skipping the subtrees of `skip` and `exceptions`.
 * The DOM's own walker steps from text to text, one call each, where stepping node by node took
 * several per element (in a content script's isolated world every node returned costs a lookup);
 * the subtrees left out are met in document order and stepped over at once.
 */
function visitTexts(root: Element, options: TextSignalOptions, visit: (text: Text) => void): void {
  const max = options.maxTextNodes ?? Infinity;
  const fenced = [...options.exceptions, ...(options.skip ?? [])].filter((el) => el !== root && root.contains(el));
  const fences = outermostInOrder(fenced);
  const walker = (root.ownerDocument as Document).createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let next = 0;
  let count = 0;
  for (let node = walker.nextNode(); node && count < max; node = walker.nextNode()) {
    while (next < fences.length && isBefore(fences[next] as Element, node)) next += 1;
    const fence = fences[next];
    if (fence?.contains(node)) {
      walker.currentNode = lastNodeIn(fence);
      next += 1;
      continue;
    }
    count++;
    visit(node as Text);
  }
}

export function findTextSignals(root: Element, compiled: CompiledClutter, options: TextSignalOptions): TextSignal[] {
  const signals: TextSignal[] = [];
  const seen = new Set<Element>();
  visitTexts(root, options, (text) => {
    const raw = (text.nodeValue ?? '').trim();
    if (raw.length < 2 || raw.length > MAX_LABEL_CHARS) return;
    const normalised = normaliseLabel(raw);
    if (!normalised) return;
    // Nearly all texts fail every heading and label pattern here.
    const isLabel = compiled.anyLabel.test(normalised);
    if (!isLabel) {
      if (compiled.anyLeadIn?.test(normalised)) {
        const leadIn = leadInSignal(text, compiled, options, root);
        if (leadIn && !seen.has(leadIn.elements[0] as Element)) {
          seen.add(leadIn.elements[0] as Element);
          signals.push(leadIn);
        }
      }
      return;
    }
    const label = labelElement(text, root);
    // Not prose that opens with a label's words: "More" in "More <a>information</a> is available
    // on …" heads no block, "Comments <span>(3)</span>" and "Related: <a>…</a>" do.
    const whole = label ? wholeLabel(label, raw, normalised, compiled) : null;
    if (label && whole && !seen.has(label) && !isProtected(label, options.protect) && !isInRunningText(label)) {
      const match = compiled.classify(whole, options.categories, isLabelLike(label));
      if (match?.by === 'heading') {
        seen.add(label);
        const elements = blockHeadedBy(label, match.category, root, options.protect);
        if (elements.length > 0) signals.push({ elements, category: match.category, by: 'heading' });
        return;
      }
      if (match) {
        seen.add(label);
        signals.push({ elements: [label], category: match.category, by: 'label' });
        return;
      }
    }
    const leadIn = leadInSignal(text, compiled, options, root);
    if (leadIn && !seen.has(leadIn.elements[0] as Element)) {
      seen.add(leadIn.elements[0] as Element);
      signals.push(leadIn);
    }
  });
  return signals;
}
