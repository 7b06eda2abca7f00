import type { CompiledClutter } from './compile';

/**
 * Elements under `root` (not `root` itself, as `classifyAll`) that the rules' selectors match,
 * outermost only: the walk does not enter a match, so a 3,000-reply thread costs one element, not 30,000.
 * `paragraphs`, if given, receives the `<p>` elements outside comment threads, in document order.
 * A match's own paragraphs are read where the walk stops; the guards may keep that match (it can
 * wrap the whole page), so a thread nested in it is looked for too.
 */
export function classifyOutermost(
  root: Element,
  compiled: CompiledClutter,
  paragraphs?: Element[],
): [Element, string][] {
  const found: [Element, string][] = [];
  const inThread = threadTest(compiled);
  const consider = (element: Element): boolean => {
    const tag = compiled.index.classify(element);
    if (paragraphs && tag !== 'comments') {
      if (element.localName === 'p') paragraphs.push(element);
      if (tag !== null)
        for (const p of Array.from(element.getElementsByTagName('p'))) if (!inThread(p, element)) paragraphs.push(p);
    }
    if (tag !== null) found.push([element, tag]);
    return tag !== null;
  };
  const all = root.querySelectorAll('*');
  for (let i = 0; i < all.length; i++) {
    const element = all[i] as Element;
    // A match's descendants follow it in document order: skip them all at once.
    if (consider(element)) i += element.getElementsByTagName('*').length;
  }
  return found;
}

/**
 * Whether an element is in a comment thread below `top` (the element itself included). Each
 * ancestor is classified once per walk, however many paragraphs share it.
 */
function threadTest(compiled: CompiledClutter): (element: Element, top: Element) => boolean {
  const known = new Map<Element, boolean>();
  return (element, top) => {
    const path: Element[] = [];
    let result = false;
    for (let el: Element | null = element; el && el !== top; el = el.parentElement) {
      const cached = known.get(el);
      if (cached !== undefined) {
        result = cached;
        break;
      }
      path.push(el);
      if (compiled.index.classify(el) === 'comments') {
        result = true;
        break;
      }
    }
    for (const el of path) known.set(el, result);
    return result;
  };
}

/**
 * Every match in `region`'s subtree, nested ones too, from `outer` (`classifyOutermost` of an
 * ancestor): the walk already read every element outside its matches, so only the matches inside
 * the region need a second look. A region inside a match is classified afresh.
 */
export function classifyRegion(
  region: Element,
  outer: readonly (readonly [Element, string])[],
  compiled: CompiledClutter,
): [Element, string][] {
  const result: [Element, string][] = [];
  for (const [element, tag] of outer) {
    if (element !== region && element.contains(region)) {
      const own = compiled.index.classify(region);
      const inside = compiled.index.classifyAll(region);
      return own === null ? inside : [[region, own], ...inside];
    }
    if (region.contains(element)) result.push([element, tag], ...compiled.index.classifyAll(element));
  }
  return result;
}
