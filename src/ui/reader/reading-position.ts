/** Pure arithmetic behind the progress bar, the contents' current entry and heading jumps. */

/** How far through the article the reader is, 0–100. */
export function readingProgress(scrollTop: number, scrollHeight: number, viewportHeight: number): number {
  const scrollable = scrollHeight - viewportHeight;
  if (scrollable <= 0) return 100;
  return Math.round(Math.min(1, Math.max(0, scrollTop / scrollable)) * 100);
}

/**
 * The heading to jump to from the current position. `tops` are the headings' offsets from the top
 * of the viewport (negative above it); `margin` is the height of the sticky bar, under which a
 * heading counts as "at the top" already.
 */
export function adjacentHeading(tops: number[], direction: 1 | -1, margin: number): number | null {
  const slack = margin + 2;
  if (direction === 1) {
    const index = tops.findIndex((top) => top > slack);
    return index === -1 ? null : index;
  }
  for (let i = tops.length - 1; i >= 0; i--) if ((tops[i] ?? 0) < margin - 2) return i;
  return null;
}

/** The section being read: the last heading that has scrolled above the reading line. */
export function currentSection(tops: number[], readingLine: number): number | null {
  let current: number | null = null;
  tops.forEach((top, index) => {
    if (top <= readingLine) current = index;
  });
  return current;
}

/**
 * The block being read at the top of the view: the first whose bottom edge is below the reading
 * line (`bottoms` are the blocks' bottom edges relative to the viewport, in document order).
 */
export function blockAtLine(bottoms: number[], line: number): number | null {
  const index = bottoms.findIndex((bottom) => bottom > line);
  return index === -1 ? null : index;
}

/** Whether two saved positions are the same place (positions are saved only when they move). */
export function isSamePosition(
  a: { progress: number; block?: number } | null,
  b: { progress: number; block?: number } | null,
): boolean {
  if (!a || !b) return a === b;
  return a.block === b.block && Math.abs(a.progress - b.progress) < 0.005;
}
