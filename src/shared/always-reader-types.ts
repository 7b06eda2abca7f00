/** "Always open in reader on this site": what the background, the pages and the page script share. */

/** The sites (host names, as `location.hostname` gives them) where articles open in the reader. */
export interface AlwaysReaderSettings {
  sites: string[];
}

/** The popup's view of the tab's site. */
export interface AlwaysReaderSite {
  host: string;
  /** The page's origin as a match pattern: the access the switch asks for. */
  origin: string;
  isOn: boolean;
}

/** A chosen site in the settings list; without access the browser does not run the script there. */
export interface AlwaysReaderEntry {
  host: string;
  hasAccess: boolean;
}

/**
 * What the background made of a page load on a chosen site: the reader opened, or why not (the
 * page script marks it in the page's timeline, for the tests and DevTools).
 */
export type AutoOpenOutcome =
  /** The site is not (or no longer) chosen. */
  | 'off'
  /** The reader was left for this page in this tab: the page stays. */
  | 'left'
  /** The engine does not take the page for an article (refused, a list, a thread…). */
  | 'not-article'
  | 'opened'
  /** The tab went elsewhere meanwhile, or the browser refused: the page stays. */
  | 'failed';

/** The page's navigation entry type (`PerformanceNavigationTiming.type`). */
export type NavigationKind = 'navigate' | 'reload' | 'back_forward' | 'prerender';
