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
