import type { CompiledClutter } from './compile';

/**
 * Elements under `root` (not `root` itself, as `classifyAll`) that the rules' selectors match,
 * outermost only: the walk does not enter a match, so a 3,000-reply thread costs one element, not 30,000.
 * `paragraphs`, if given, receives the `<p>` elements outside comment threads, in document order
 * (a match's own paragraphs are read at once, where the walk stops).
 */
export function classifyOutermost(
  root: Element,
  compiled: CompiledClutter,
  paragraphs?: Element[],
): [Element, string][] {
  const found: [Element, string][] = [];
  const consider = (element: Element): boolean => {
    const tag = compiled.index.classify(element);
    if (paragraphs && tag !== 'comments') {
      if (element.localName === 'p') paragraphs.push(element);
      if (tag !== null) for (const p of Array.from(element.getElementsByTagName('p'))) paragraphs.push(p);
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
