/**
 * Sections of a product page that are not the product, found by their headings whatever their
 * classes: customers' reviews and other products ("You may also like", "Recently viewed"). The
 * shop's delivery and returns terms stay: they are part of the offer a reader weighs. A heading
 * alone proves nothing: the block it heads must be shaped like what it names (a thread of reviews,
 * a run of links), as the clutter rules' headings require (../clutter/text-signals.ts), so prose
 * under a heading stays.
 */
import { blockHeadedBy, normaliseLabel, trimmedText, type ClutterCategory } from '../clutter';
import { OTHER_PRODUCT_HEADINGS, REVIEW_HEADINGS } from './product-section-headings';

/** A heading is short; longer texts are not read. */
const MAX_HEADING_CHARS = 60;
/** A section's parts hold more than a count or a price each ("509", "$36.95"). */
const MIN_SECTION_CHARS = 20;
/** A count after the heading: "Reviews (128)", "Customer reviews 4.8". */
const COUNT = /\s*[([]?\d[\d.,]*[)\]]?$/u;

const whole = (sources: readonly string[]): RegExp => new RegExp(`^(?:${sources.join('|')})$`, 'u');

/** Each kind of section, and the clutter shape its block must have: a thread, or a run of links. */
const SECTIONS: readonly (readonly [RegExp, ClutterCategory])[] = [
  [whole(REVIEW_HEADINGS), 'comments'],
  [whole(OTHER_PRODUCT_HEADINGS), 'related'],
];

function categoryOf(text: string): ClutterCategory | null {
  const label = normaliseLabel(text).replace(COUNT, '');
  if (!label) return null;
  for (const [pattern, category] of SECTIONS) if (pattern.test(label)) return category;
  return null;
}

/** The largest element whose only text is the heading's: `<div class="title"><span>Reviews</span></div>`. */
function headingElement(text: Text, root: Element): Element | null {
  let element = text.parentElement;
  const own = trimmedText(text);
  while (element && element !== root && element.parentElement && element.parentElement !== root) {
    if (trimmedText(element.parentElement) !== own) break;
    element = element.parentElement;
  }
  return element === root ? null : element;
}

/** A word inside running text ("our reviews say…") heads nothing. */
function isInRunningText(element: Element): boolean {
  for (let node = element.parentElement?.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3 && /[\p{L}\p{N}]/u.test(node.nodeValue ?? '')) return true;
  }
  return false;
}

/**
 * Whether the block is a section rather than a label of a grid of labels and values ("Reviews 509
 * 119 1316 … Price $36.95" in a comparison table): its parts besides the heading hold some text.
 */
function isSection(heading: Element, block: readonly Element[]): boolean {
  const parts = block.filter((element) => element !== heading && !element.contains(heading));
  const chars = block.reduce((sum, element) => sum + trimmedText(element).length, 0) - trimmedText(heading).length;
  return chars >= MIN_SECTION_CHARS && (parts.length === 0 || chars / parts.length >= MIN_SECTION_CHARS);
}

/** Removes the sections under `root` that a reviews or other-products heading opens; gives their texts. */
export function removeHeadedSections(root: Element): string[] {
  const removed: string[] = [];
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const headings: (readonly [Element, ClutterCategory])[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.nodeValue ?? '').trim();
    if (text.length < 3 || text.length > MAX_HEADING_CHARS) continue;
    if (!categoryOf(text)) continue;
    const heading = headingElement(node as Text, root);
    // A link to the reviews ("Read all 128 reviews") heads nothing here.
    if (!heading || heading.closest('a, h1') || heading.querySelector('a, h1') || isInRunningText(heading)) continue;
    const category = categoryOf(trimmedText(heading));
    if (category) headings.push([heading, category]);
  }
  for (const [heading, category] of headings) {
    if (!root.contains(heading)) continue;
    const block = blockHeadedBy(heading, category, root, []);
    // The product's own block, with its title, is never one of these.
    if (block.some((element) => element.querySelector('h1'))) continue;
    if (!isSection(heading, block)) continue;
    removed.push(block.map((element) => trimmedText(element)).join(' '));
    for (const element of block) element.remove();
  }
  return removed;
}
