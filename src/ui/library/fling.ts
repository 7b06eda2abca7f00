/**
 * Whether the list is being flung: scrolled faster than anyone reads rows. Then the rows coming
 * into view are drawn as sketches (site and title), as list views do during a fling, and in full
 * once the scrolling has slowed for a moment: a whole row a frame, a screenful of them, costs more
 * than a frame has. A reader scrolling through the list at reading speed never sees a sketch.
 */

/** Faster than this, in screens a second, is a fling. */
export const FLING_SCREENS_PER_SECOND = 4;
/** After the last fast scroll, how long until rows are drawn in full again. */
export const SETTLE_MS = 150;

export interface FlingTracker {
  /**
   * The list's scroll offset at `now` (ms): whether the list counts as flung, and if it does, when
   * (ms) to ask again to draw it in full.
   */
  observe(offset: number, now: number, screen: number): { isFling: boolean; settlesAt: number };
}

export function createFlingTracker(): FlingTracker {
  let lastOffset: number | null = null;
  let lastTime = 0;
  let flingUntil = Number.NEGATIVE_INFINITY;
  return {
    observe(offset, now, screen) {
      if (lastOffset !== null && offset !== lastOffset) {
        const pxPerMs = Math.abs(offset - lastOffset) / Math.max(now - lastTime, 1);
        if (pxPerMs * 1000 > FLING_SCREENS_PER_SECOND * screen) flingUntil = now + SETTLE_MS;
      }
      if (offset !== lastOffset) {
        lastOffset = offset;
        lastTime = now;
      }
      return { isFling: now < flingUntil, settlesAt: flingUntil };
    },
  };
}
