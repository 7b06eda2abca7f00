/**
 * The text a highlight is anchored in, and the way between its offsets and DOM ranges. The text of
 * an article body is the concatenation of its text nodes in document order (its `textContent`), so
 * that the reader, the exports and a Node DOM in the tests all count the same characters. Works on
 * any DOM: it takes the nodes it works on and uses no global.
 */
import type { TextSpan } from './types';

/** `NodeFilter.SHOW_TEXT`, spelled out: the global is missing in some DOMs this runs on. */
const SHOW_TEXT = 4;

export function textNodesOf(root: Node): Text[] {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

export function textOf(root: Node): string {
  return textNodesOf(root)
    .map((node) => node.data)
    .join('');
}

/** The offset in `root`'s text of a DOM boundary point (a range's start or end). */
function offsetOf(root: Node, container: Node, offset: number): number {
  const doc = root.ownerDocument ?? (root as Document);
  const before = doc.createRange();
  before.setStart(root, 0);
  before.setEnd(container, offset);
  return before.toString().length;
}

/**
 * The span a range covers in `root`'s text, clipped to `root`; null when the range lies outside
 * it or covers no text.
 */
export function spanOfRange(root: Node, range: Range): TextSpan | null {
  if (!root.contains(range.commonAncestorContainer) && !range.commonAncestorContainer.contains(root)) return null;
  const length = textOf(root).length;
  const start = root.contains(range.startContainer) ? offsetOf(root, range.startContainer, range.startOffset) : 0;
  const end = root.contains(range.endContainer) ? offsetOf(root, range.endContainer, range.endOffset) : length;
  return end > start ? { start, end } : null;
}

interface Piece {
  node: Text;
  start: number;
  end: number;
}

/** The parts of text nodes that `[start, end)` covers, in order. */
function piecesOf(root: Node, start: number, end: number): Piece[] {
  const pieces: Piece[] = [];
  let offset = 0;
  for (const node of textNodesOf(root)) {
    const length = node.data.length;
    const from = Math.max(start, offset);
    const to = Math.min(end, offset + length);
    if (from < to) pieces.push({ node, start: from - offset, end: to - offset });
    offset += length;
    if (offset >= end) break;
  }
  return pieces;
}

/** A DOM range over `[start, end)` of `root`'s text, across however many nodes it spans. */
export function rangeOfSpan(root: Node, span: TextSpan): Range | null {
  return rangesOfSpans(root, [span])[0] ?? null;
}

/**
 * DOM ranges for many spans of `root`'s text in one walk over its text nodes (not one walk per
 * span), in the given order: each from the node holding the span's first character to the one
 * holding its last (clipped to the text), null for an empty span or one past the text.
 */
export function rangesOfSpans(root: Node, spans: readonly TextSpan[]): (Range | null)[] {
  const doc = root.ownerDocument ?? (root as Document);
  // A span starts in the node holding its first character and ends in the node holding its last.
  const starts = spans.map((_, i) => i).sort((a, b) => spans[a]!.start - spans[b]!.start);
  const ends = spans.map((_, i) => i).sort((a, b) => spans[a]!.end - spans[b]!.end);
  const startAt: ([Text, number] | undefined)[] = [];
  const endAt: ([Text, number] | undefined)[] = [];
  let s = 0;
  let e = 0;
  let offset = 0;
  let lastNode: Text | null = null;
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const length = node.data.length;
    if (length === 0) continue;
    const after = offset + length;
    for (; s < starts.length && spans[starts[s]!]!.start < after; s++) {
      const i = starts[s]!;
      startAt[i] = [node, Math.max(0, spans[i]!.start - offset)];
    }
    for (; e < ends.length && spans[ends[e]!]!.end <= after; e++) {
      const i = ends[e]!;
      if (spans[i]!.end > offset) endAt[i] = [node, spans[i]!.end - offset];
    }
    lastNode = node;
    offset = after;
  }
  // Ends past the text are clipped to it, as `rangeOfSpan` clips them.
  for (; e < ends.length && lastNode; e++) endAt[ends[e]!] = [lastNode, lastNode.data.length];
  return spans.map((span, i) => {
    const from = startAt[i];
    const to = endAt[i];
    if (!from || !to || span.start >= span.end) return null;
    const range = doc.createRange();
    range.setStart(from[0], from[1]);
    range.setEnd(to[0], to[1]);
    return range;
  });
}

/**
 * Wraps the text of `[start, end)` in elements made by `make`, one per text node it touches
 * (white space between blocks left out, so no empty marks land between paragraphs). Returns them
 * in order. Used for `<mark>` in exports, and in the reader where the CSS Highlight API is missing.
 */
export function wrapSpan(root: Node, span: TextSpan, make: () => Element): Element[] {
  const wrappers: Element[] = [];
  for (const piece of piecesOf(root, span.start, span.end)) {
    if (piece.node.data.slice(piece.start, piece.end).trim() === '') continue;
    let node = piece.node;
    if (piece.end < node.data.length) node.splitText(piece.end);
    if (piece.start > 0) node = node.splitText(piece.start);
    const wrapper = make();
    node.parentNode?.insertBefore(wrapper, node);
    wrapper.appendChild(node);
    wrappers.push(wrapper);
  }
  return wrappers;
}

/** Puts the text of wrappers made by `wrapSpan` back in their place, joining split text nodes. */
export function unwrap(wrappers: readonly Element[]): void {
  for (const wrapper of wrappers) {
    const parent = wrapper.parentNode;
    if (!parent) continue;
    while (wrapper.firstChild) parent.insertBefore(wrapper.firstChild, wrapper);
    parent.removeChild(wrapper);
    parent.normalize();
  }
}

/** Inline elements a highlight's wrapper may be lifted out of (it then wraps them). */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'cite',
  'code',
  'em',
  'i',
  'kbd',
  'q',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'u',
]);

/**
 * Makes one highlight's wrappers (from `wrapSpan`) as few as the markup allows, for writers such as
 * Markdown's, where `==would== _==run==_ ==again==` should read `==would _run_ again==`: a wrapper
 * that is all of an inline element's content wraps the element instead, and wrappers with nothing
 * but white space between them become one. Returns the wrappers left, in order.
 */
export function joinWrappers(wrappers: readonly Element[]): Element[] {
  for (const wrapper of wrappers) {
    for (let parent = wrapper.parentElement; parent; parent = wrapper.parentElement) {
      if (!INLINE.has(parent.localName) || parent.childNodes.length !== 1) break;
      parent.replaceWith(wrapper);
      while (wrapper.firstChild) parent.appendChild(wrapper.firstChild);
      wrapper.appendChild(parent);
    }
  }
  const joined: Element[] = [];
  for (const wrapper of wrappers) {
    const previous = joined.at(-1);
    const between: Node[] = [];
    let node = wrapper.previousSibling;
    while (node && node !== previous && node.nodeType === 3 && (node.textContent ?? '').trim() === '') {
      between.unshift(node);
      node = node.previousSibling;
    }
    if (previous && node === previous) {
      for (const n of between) previous.appendChild(n);
      while (wrapper.firstChild) previous.appendChild(wrapper.firstChild);
      wrapper.remove();
    } else {
      joined.push(wrapper);
    }
  }
  return joined;
}
