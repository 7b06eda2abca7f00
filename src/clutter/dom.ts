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
