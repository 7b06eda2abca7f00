/**
 * A page that draws its content twice (one copy for wide screens, one for narrow, the other hidden
 * by a stylesheet the engine does not apply) would be read twice. The second copy of each
 * paragraph is left out, but only when the copies make up a good part of the content: a song's
 * chorus or a legal text's repeated clause is part of what a reader reads.
 */

/** Blocks whose text is compared: paragraphs, headings, list items, quotes, table cells. */
const COMPARED = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, dd, dt, td, th, figcaption, pre';
/** Shorter blocks ("Add to cart", "Read more") repeat on any page and are not copies of anything. */
const MIN_BLOCK_CHARS = 40;
/** The repeats must hold this share of the compared text to be taken for a second copy of the page. */
const MIN_REPEATED_SHARE = 0.2;

const normalised = (element: Element): string => (element.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Removes the later copies of repeated blocks under `root` when they are a copy of the content. Returns how many. */
export function removeRepeatedBlocks(root: Element): number {
  // Innermost blocks only: a list item holding a paragraph is compared through the paragraph.
  const blocks = Array.from(root.querySelectorAll(COMPARED)).filter((el) => el.querySelector(COMPARED) === null);
  const seen = new Set<string>();
  const repeats: Element[] = [];
  let total = 0;
  let repeated = 0;
  for (const block of blocks) {
    const text = normalised(block);
    if (text.length < MIN_BLOCK_CHARS) continue;
    total += text.length;
    if (seen.has(text)) {
      repeats.push(block);
      repeated += text.length;
    } else seen.add(text);
  }
  if (repeats.length === 0 || repeated < total * MIN_REPEATED_SHARE) return 0;
  for (const block of repeats) block.remove();
  return repeats.length;
}
