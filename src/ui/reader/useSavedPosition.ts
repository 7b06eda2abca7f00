import { useEffect } from 'preact/hooks';
import type { SavedEntry } from '../stores/article-source';
import { useApi } from '../stores/context';
import { blockAtLine, isSamePosition, readingProgress } from './reading-position';

/** The elements a position is counted in: stable across text sizes, widths and fonts. */
const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figure, table, dt, dd, hr';
/** At most one write of the position per this many milliseconds while scrolling. */
export const POSITION_SAVE_MS = 1000;
/** Room under the sticky bar, so the restored block is not hidden behind it. */
const MARGIN = 12;

type Position = NonNullable<SavedEntry['position']>;

function barHeight(): number {
  return document.querySelector('.surface__bar')?.getBoundingClientRect().height ?? 0;
}

function measure(body: HTMLElement): { position: Position; isAtEnd: boolean } {
  const root = document.documentElement;
  const progress = readingProgress(root.scrollTop, root.scrollHeight, root.clientHeight);
  const bottoms = [...body.querySelectorAll(BLOCKS)].map((el) => el.getBoundingClientRect().bottom);
  const block = blockAtLine(bottoms, barHeight() + MARGIN);
  const position: Position = { progress: progress / 100 };
  if (block !== null) position.block = block;
  return { position, isAtEnd: progress >= 100 };
}

function restore(body: HTMLElement, position: Position): void {
  const root = document.documentElement;
  const target = position.block === undefined ? null : body.querySelectorAll(BLOCKS)[position.block];
  // Instant, whatever the page's smooth-scrolling style: the reader should land, not travel.
  if (target) {
    const top = target.getBoundingClientRect().top + root.scrollTop - barHeight() - MARGIN;
    window.scrollTo({ top, behavior: 'instant' });
  } else if (position.progress > 0) {
    window.scrollTo({ top: position.progress * (root.scrollHeight - root.clientHeight), behavior: 'instant' });
  }
}

/**
 * For a saved article in the reader: puts the reader back where they left off, saves the position
 * as they scroll (throttled, and when the page is hidden or closed), and marks the article read
 * once its end has been reached. `isLaidOut` says the page is shown (it stays hidden until the
 * reading settings arrive, and nothing can be measured before).
 */
export function useSavedPosition(body: HTMLElement | null, saved: SavedEntry | undefined, isLaidOut: boolean): void {
  const api = useApi();
  useEffect(() => {
    if (!body || !saved || !isLaidOut) return undefined;
    let lastSaved = saved.position;
    let isRead = saved.isRead;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let landedAt: number | null = null;
    let hasReaderMoved = false;
    let isStopped = false;

    const land = () => {
      if (!saved.position || hasReaderMoved) return;
      restore(body, saved.position);
      landedAt = window.scrollY;
    };
    const save = () => {
      timer = undefined;
      const { position, isAtEnd } = measure(body);
      const markRead = isAtEnd && !isRead;
      if (isSamePosition(position, lastSaved) && !markRead) return;
      lastSaved = position;
      if (markRead) isRead = true;
      void api.library.update([saved.id], markRead ? { position, isRead: true } : { position }).catch(() => undefined);
    };
    const schedule = () => {
      timer ??= setTimeout(save, POSITION_SAVE_MS);
    };
    const flush = () => {
      if (timer === undefined) return;
      clearTimeout(timer);
      save();
    };
    const onScroll = () => {
      // Any scroll but our own landing is the reader's: from then on, their position wins.
      if (landedAt === null || Math.abs(window.scrollY - landedAt) > 4) hasReaderMoved = true;
      schedule();
    };
    const onVisibility = () => document.visibilityState === 'hidden' && flush();

    land();
    // Web fonts can reflow the text after the first layout: land again unless the reader moved.
    void Promise.resolve(document.fonts?.ready).then(() => {
      if (isStopped) return;
      land();
      schedule();
    });
    window.addEventListener('scroll', onScroll, { passive: true });
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flush);
    return () => {
      isStopped = true;
      flush();
      window.removeEventListener('scroll', onScroll);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flush);
    };
  }, [api, body, saved, isLaidOut]);
}
