/**
 * Finding a labelled excerpt in a page's text, the same way in Node (checking the labels) and in
 * the browser (the comment bench bundles this file into its probe). Text is compared with its
 * whitespace collapsed, so an excerpt matches across line breaks and across the text nodes of
 * inline markup (`<p>Great <b>post</b>!</p>`).
 */

/** Text with every run of whitespace (non-breaking spaces included) made one space, trimmed. */
export function normaliseText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Non-overlapping occurrences of `needle` in `haystack` (0 for an empty needle). */
export function countOccurrences(haystack: string, needle: string): number {
  if (!needle) return 0;
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) count += 1;
  return count;
}

export interface SegmentText {
  /** The segments' text joined and normalised as `normaliseText` would. */
  text: string;
  /** For each character of `text`, the index of the segment it came from. */
  owners: number[];
}

/**
 * Joins text segments (a page's text nodes, in document order) into one normalised string that
 * remembers which segment each character came from. Whitespace at a boundary collapses with the
 * whitespace beside it, as in `normaliseText` of the joined string.
 */
export function joinSegments(segments: readonly string[]): SegmentText {
  let text = '';
  const owners: number[] = [];
  let pendingSpace = -1;
  segments.forEach((segment, index) => {
    for (const char of segment) {
      if (/\s/.test(char)) {
        if (text && pendingSpace < 0) pendingSpace = index;
        continue;
      }
      if (pendingSpace >= 0) {
        text += ' ';
        owners.push(pendingSpace);
        pendingSpace = -1;
      }
      text += char;
      for (let i = 0; i < char.length; i++) owners.push(index);
    }
  });
  return { text, owners };
}

export interface ExcerptSpan {
  /** The first and last segment the excerpt's text touches. */
  first: number;
  last: number;
  /** How often the excerpt occurs in the joined text. */
  occurrences: number;
}

/** Where `excerpt` first occurs in the joined segments, or null when it does not. */
export function locateExcerpt(joined: SegmentText, excerpt: string): ExcerptSpan | null {
  const wanted = normaliseText(excerpt);
  const at = wanted ? joined.text.indexOf(wanted) : -1;
  if (at < 0) return null;
  return {
    first: joined.owners[at] as number,
    last: joined.owners[at + wanted.length - 1] as number,
    occurrences: countOccurrences(joined.text, wanted),
  };
}

/** Elements whose text is never rendered as page text. */
export const UNRENDERED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'select', 'title']);

/** The text nodes under `root` that can be rendered as page text, in document order. */
export function renderableTextNodes(root: Node): Text[] {
  const nodes: Text[] = [];
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) nodes.push(child as Text);
      else if (child.nodeType === 1 && !UNRENDERED_TAGS.has((child as Element).localName)) walk(child);
    }
  };
  walk(root);
  return nodes;
}

/** The deepest element holding both nodes. */
export function commonElement(a: Node, b: Node): Element | null {
  const ancestors = new Set<Node>();
  for (let node: Node | null = a; node; node = node.parentNode) ancestors.add(node);
  for (let node: Node | null = b; node; node = node.parentNode) {
    if (ancestors.has(node) && node.nodeType === 1) return node as Element;
  }
  return null;
}

export interface FoundExcerpt {
  /** The deepest element holding the whole excerpt. */
  element: Element;
  occurrences: number;
}

/** The element holding `excerpt` in `root`'s renderable text, or null when the text is not there. */
export function findExcerpt(
  root: Node,
  excerpt: string,
  joined?: { nodes: Text[]; text: SegmentText },
): FoundExcerpt | null {
  const nodes = joined?.nodes ?? renderableTextNodes(root);
  const text = joined?.text ?? joinSegments(nodes.map((n) => n.data));
  const span = locateExcerpt(text, excerpt);
  if (!span) return null;
  const element = commonElement(nodes[span.first] as Text, nodes[span.last] as Text);
  return element ? { element, occurrences: span.occurrences } : null;
}
