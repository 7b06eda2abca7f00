/**
 * A page that draws its content twice (one copy for wide screens, one for narrow, the other hidden
 * by a stylesheet the engine does not apply) would be read twice. The second copy of a passage is
 * left out, but only when it is a copy: a run of blocks repeating a run of earlier blocks in order,
 * and only when the copies make up a good part of the content. A line every item of a list repeats
 * ("Not valid with other offers"), a song's chorus or a legal text's repeated clause stays, and so
 * do tab panels (a guide's steps for each programming language), where each copy is an alternative.
 */

/** Blocks whose text is compared: paragraphs, headings, list items, quotes, table cells. */
const COMPARED = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, dd, dt, td, th, figcaption, pre';
/** Shorter blocks ("Add to cart", "Read more") repeat on any page and are not copies of anything. */
const MIN_BLOCK_CHARS = 40;
/** A copy is a passage: this many blocks in a row, each repeating the block after the previous one's original. */
const MIN_RUN = 3;
/** The repeats must hold this share of the compared text to be taken for a second copy of the page. */
const MIN_REPEATED_SHARE = 0.2;
/** Alternatives the reader switches between: each holds its own copy of the shared steps. */
const ALTERNATIVES = '[role="tabpanel"]';

const normalised = (element: Element): string => (element.textContent ?? '').replace(/\s+/g, ' ').trim();

interface Block {
  element: Element;
  text: string;
  /** Index of the first block with the same text, if this one repeats it. */
  original: number | null;
}

/** Removes the later copies of repeated passages under `root` when they are a copy of the content. Returns how many blocks. */
export function removeRepeatedBlocks(root: Element): number {
  const blocks: Block[] = [];
  const first = new Map<string, number>();
  let total = 0;
  // Innermost blocks only: a list item holding a paragraph is compared through the paragraph.
  for (const element of Array.from(root.querySelectorAll(COMPARED))) {
    if (element.querySelector(COMPARED) !== null || element.closest(ALTERNATIVES)) continue;
    const text = normalised(element);
    if (text.length < MIN_BLOCK_CHARS) continue;
    total += text.length;
    const original = first.get(text) ?? null;
    if (original === null) first.set(text, blocks.length);
    blocks.push({ element, text, original });
  }
  const repeats: Block[] = [];
  let run: Block[] = [];
  const endRun = (): void => {
    if (run.length >= MIN_RUN) repeats.push(...run);
    run = [];
  };
  for (const block of blocks) {
    const previous = run[run.length - 1];
    if (block.original === null) endRun();
    else if (previous && previous.original !== null && block.original === previous.original + 1) run.push(block);
    else {
      endRun();
      run = [block];
    }
  }
  endRun();
  const repeated = repeats.reduce((sum, block) => sum + block.text.length, 0);
  if (repeats.length === 0 || repeated < total * MIN_REPEATED_SHARE) return 0;
  for (const block of repeats) block.element.remove();
  return repeats.length;
}
