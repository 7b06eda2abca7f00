/** Splits article blocks into sentences, with their offsets in the block's text. */

export interface Sentence {
  text: string;
  /** Offsets into the block's textContent. */
  start: number;
  end: number;
}

/** The readable blocks of an article body, in order; a block never contains another. */
export const BLOCK_SELECTOR = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, figcaption, pre, dt, dd, td, th, caption';

export function findBlocks(root: Element): Element[] {
  return [...root.querySelectorAll(BLOCK_SELECTOR)].filter(
    (el) => !el.querySelector(BLOCK_SELECTOR) && (el.textContent ?? '').trim() !== '',
  );
}

/** Titles after which ICU wrongly ends a sentence ("Dr. Smith"). */
const ABBREVIATION = /(?:^|\s)(?:Dr|Mr|Mrs|Ms|Mx|St|Prof|Sr|Jr|Gen|Col|Capt|Lt|Sgt|Rev|Mt|Gov|Sen|Rep|Hon|vs)\.$/;

export function splitSentences(text: string, lang: string | null): Sentence[] {
  const sentences: Sentence[] = [];
  let segmenter: Intl.Segmenter;
  try {
    segmenter = new Intl.Segmenter(lang ?? undefined, { granularity: 'sentence' });
  } catch {
    segmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });
  }
  for (const { segment, index } of segmenter.segment(text)) {
    const leading = segment.length - segment.trimStart().length;
    const trimmed = segment.trim();
    if (!trimmed) continue;
    const start = index + leading;
    const previous = sentences.at(-1);
    // A segment ending in a title abbreviation joins what follows.
    if (previous && ABBREVIATION.test(previous.text)) {
      previous.end = start + trimmed.length;
      previous.text = text.slice(previous.start, previous.end);
      continue;
    }
    sentences.push({ text: trimmed, start, end: start + trimmed.length });
  }
  return sentences;
}

/** A DOM Range over `[start, end)` of `block`'s text, across however many text nodes it spans. */
export function rangeOf(block: Element, start: number, end: number): Range | null {
  const doc = block.ownerDocument;
  const walker = doc.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  const range = doc.createRange();
  let offset = 0;
  let hasStart = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.nodeValue?.length ?? 0;
    if (!hasStart && start < offset + length) {
      range.setStart(node, start - offset);
      hasStart = true;
    }
    if (hasStart && end <= offset + length) {
      range.setEnd(node, end - offset);
      return range;
    }
    offset += length;
  }
  return null;
}
