/**
 * What a shop's product page holds besides the product: its customers' reviews (the product's
 * comment thread), ratings summaries, the carousels of other products and the purchase panel's
 * lines (./purchase-panel.ts). Kept as data, as the
 * clutter rules are; used only when a page declares itself a product (schema.org or OpenGraph), so
 * that a review article or a service's testimonials are never touched.
 */
import { kindOf } from './discussion';
import { removePurchaseLines } from './purchase-panel';
import { removeHeadedSections } from './product-sections';

export const PRODUCT_FURNITURE_SELECTORS = [
  '#BVRRContainer',
  '#customer-reviews',
  '#pr-reviewdisplay',
  '#reviews',
  '.jdgm-widget',
  '.loox-reviews',
  '.okeReviews',
  '.product-reviews',
  '.reviews',
  '.stamped-reviews',
  '.trustpilot-widget',
  '.yotpo',
  '[class*="also-bought" i]',
  '[class*="cross-sell" i]',
  '[class*="product-recommendations" i]',
  '[class*="recently-viewed" i]',
  '[class*="related-products" i]',
  '[class*="upsell" i]',
  '[data-bv-show]',
  '[id*="product-reviews" i]',
  '[id*="recently-viewed" i]',
  '[itemprop="aggregateRating"]',
  '[itemprop="review"]',
];

/**
 * Removes the product furniture under `root`, except `root` itself and what holds it; gives the
 * texts of the sections its headings named (reviews, other products).
 */
export function removeProductFurniture(root: Element): string[] {
  for (const element of Array.from(root.querySelectorAll(PRODUCT_FURNITURE_SELECTORS.join(', ')))) {
    if (root.contains(element)) element.remove();
  }
  const sections = removeHeadedSections(root);
  removeOtherProducts(root);
  removeRepeatedBlocks(root);
  removePurchaseLines(root);
  removeIdentifiers(root);
  return sections;
}

/** An identifier alone in an element: markup's machinery (a scrambled label's pieces), never words for a reader. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function removeIdentifiers(root: Element): void {
  for (const element of Array.from(root.querySelectorAll('span, div, p, li'))) {
    if (element.firstElementChild === null && UUID.test((element.textContent ?? '').trim())) element.remove();
  }
}

/** A price as shops write it: a currency sign or code beside a number. */
const PRICE = /[$€£¥₹]\s?\d|\d[\d.,]*\s?(?:€|zł|kr|Kč|USD|EUR|GBP|CHF|CAD|AUD)\b/;
/** Cards of other products: this many siblings of one kind, each with a link and a price. */
const MIN_CARDS = 4;

/**
 * Grids and carousels of other products ("Customers also viewed", "You may also like") whatever
 * their classes: a run of sibling cards of one kind, each a link with a price. The product's own
 * block (the one with its title) is never one.
 */
export function removeOtherProducts(root: Element): void {
  const runs: Element[][] = [];
  for (const parent of [root, ...Array.from(root.querySelectorAll('*'))]) {
    if (parent.children.length < MIN_CARDS) continue;
    const groups = new Map<string, Element[]>();
    for (const child of Array.from(parent.children)) {
      if (!child.querySelector('a[href]') && child.localName !== 'a') continue;
      if (!PRICE.test(child.textContent ?? '') || child.querySelector('h1')) continue;
      const kind = kindOf(child);
      const group = groups.get(kind);
      if (group) group.push(child);
      else groups.set(kind, [child]);
    }
    for (const cards of groups.values()) if (cards.length >= MIN_CARDS) runs.push(cards);
  }
  for (const cards of runs) for (const card of cards) if (root.contains(card)) card.remove();
}

/** Blocks of text repeated word for word: a shop's panel copied for every colour or size. */
const MIN_REPEATED_CHARS = 20;

export function removeRepeatedBlocks(root: Element): void {
  const seen = new Set<string>();
  for (const block of Array.from(root.querySelectorAll('p, li, h2, h3, h4, h5, h6, dd, dt, td, div'))) {
    if (!root.contains(block) || block.querySelector('p, li, h2, h3, h4, h5, h6, dd, dt, td, div')) continue;
    const text = (block.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length < MIN_REPEATED_CHARS) continue;
    if (seen.has(text)) block.remove();
    else seen.add(text);
  }
}
