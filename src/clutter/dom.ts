/** Small read-only DOM measures shared by the matchers. None of them touches a global. */

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export function trimmedText(node: Node): string {
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Share of an element's text that sits inside links (0 for an element without text). `total`, the
 * length of its `trimmedText` when the caller has it, saves reading the text again.
 */
export function linkDensity(element: Element, total = trimmedText(element).length): number {
  if (total === 0) return 0;
  return Math.min(1, linkedChars(element) / total);
}

/** Characters of text inside the links under `element`. */
export function linkedChars(element: Element): number {
  const links = element.getElementsByTagName('a');
  let linked = 0;
  for (let i = 0; i < links.length; i++) linked += trimmedText(links[i] as Element).length;
  return linked;
}

/** Characters of text in the paragraphs under `root`: the prose a guard weighs a match against. */
export function paragraphChars(root: Element): number {
  const paragraphs = root.getElementsByTagName('p');
  let total = 0;
  for (let i = 0; i < paragraphs.length; i++) total += (paragraphs[i]?.textContent ?? '').trim().length;
  return total;
}

const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

export function isHeading(element: Element): boolean {
  return HEADING_TAGS.has(element.tagName.toUpperCase()) || element.getAttribute('role') === 'heading';
}

/** The first child element that has text or is an image or form control: what a reader sees first. */
export function firstContentChild(element: Element): Element | null {
  for (const child of Array.from(element.children)) {
    if (trimmedText(child) !== '' || child.querySelector('img, picture, video, iframe, input, textarea') !== null) {
      return child;
    }
  }
  return null;
}

/** Whether text outside any child element comes before `child` inside `parent`. */
export function hasTextBefore(parent: Element, child: Element): boolean {
  for (let node = parent.firstChild; node && node !== child; node = node.nextSibling) {
    if (node.nodeType === TEXT_NODE && (node.nodeValue ?? '').trim() !== '') return true;
  }
  return false;
}

export function isRootLike(element: Element): boolean {
  const tag = element.tagName.toUpperCase();
  return tag === 'BODY' || tag === 'HTML' || tag === 'MAIN';
}

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING
const CONTAINED_BY = 16; // Node.DOCUMENT_POSITION_CONTAINED_BY

/** Whether `node` ends before `other` starts: `other` follows it and is not inside it. */
export function isBefore(node: Node, other: Node): boolean {
  const position = node.compareDocumentPosition(other);
  return (position & FOLLOWING) !== 0 && (position & CONTAINED_BY) === 0;
}

/** The elements of `elements` that no other one holds, in document order. */
export function outermostInOrder(elements: Iterable<Element>): Element[] {
  const sorted = [...new Set(elements)].sort((a, b) =>
    a === b ? 0 : a.compareDocumentPosition(b) & FOLLOWING ? -1 : 1,
  );
  const result: Element[] = [];
  for (const element of sorted) {
    const last = result[result.length - 1];
    if (last === undefined || !last.contains(element)) result.push(element);
  }
  return result;
}

/** The last node inside `element` in document order (itself when it is empty). */
export function lastNodeIn(element: Element): Node {
  let node: Node = element;
  while (node.lastChild) node = node.lastChild;
  return node;
}

/** Beyond this many queries around the fences, one query of the whole tree, filtered, is cheaper. */
const MAX_QUERIES = 48;

/**
 * The elements under `root` that match `selector`, outside the subtrees of `fences` (outermost,
 * in document order: `outermostInOrder`), in document order. The DOM is queried beside the fences,
 * never inside them: a 30,000-element thread the rules found costs nothing. Where the fences sit
 * among many siblings, the whole tree is queried once and the fences' runs stepped over instead.
 */
export function queryOutside(root: Element, fences: readonly Element[], selector: string): Element[] {
  if (fences.length === 0) return Array.from(root.querySelectorAll(selector));
  const fenced = new Set(fences);
  const holders = new Set<Element>();
  for (const fence of fences)
    for (let el = fence.parentElement; el && el !== root && !holders.has(el); el = el.parentElement) holders.add(el);
  const result: Element[] = [];
  let queries = 0;
  const walk = (parent: Element): boolean => {
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
      if (fenced.has(child)) continue;
      if (++queries > MAX_QUERIES) return false;
      if (child.matches(selector)) result.push(child);
      if (!holders.has(child)) {
        const inside = child.querySelectorAll(selector);
        for (let i = 0; i < inside.length; i++) result.push(inside[i] as Element);
      } else if (!walk(child)) return false;
    }
    return true;
  };
  return walk(root) ? result : filteredOutside(root.querySelectorAll(selector), fences);
}

/** `all` (in document order) without what lies inside `fences`: each fence's run stepped over at once. */
function filteredOutside(all: NodeListOf<Element>, fences: readonly Element[]): Element[] {
  const result: Element[] = [];
  let next = 0;
  for (let i = 0; i < all.length; i++) {
    const element = all[i] as Element;
    // Fences wholly before this element are behind the walk for good.
    while (next < fences.length && isBefore(fences[next] as Element, element)) next += 1;
    const fence = fences[next];
    if (fence === undefined || !fence.contains(element)) {
      result.push(element);
      continue;
    }
    i = lastInside(all, i, fence);
    next += 1;
  }
  return result;
}

/**
 * The index of the last of `list` (in document order) inside `fence`, from `first`, which is: the
 * fence's elements are one run, found by halving rather than by counting them, which would read
 * the whole fence again.
 */
function lastInside(list: NodeListOf<Element>, first: number, fence: Element): number {
  let low = first;
  let high = list.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (fence.contains(list[mid] as Element)) low = mid;
    else high = mid - 1;
  }
  return low;
}
