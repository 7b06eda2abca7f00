/** How a page came to be loaded, for "Always open in reader" (the page script and the background). */
import type { NavigationKind } from './always-reader-types';

const KINDS: readonly NavigationKind[] = ['navigate', 'reload', 'back_forward', 'prerender'];

/** The kind of the document's own load, from its navigation entry; undefined when unknown. */
export function navigationKindOf(timing: Pick<Performance, 'getEntriesByType'>): NavigationKind | undefined {
  const type = (timing.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.type;
  return KINDS.find((kind) => kind === type);
}

/**
 * Whether a page load is one the reader may take over: a link followed or an address typed. A
 * reload, or a step back or forward in history (to the page the reader was left for, as the
 * reader's own "back" button does), keeps the page; so does anything unknown.
 */
export function isFreshLoad(navigation: NavigationKind | undefined): boolean {
  return navigation === 'navigate' || navigation === 'prerender';
}
